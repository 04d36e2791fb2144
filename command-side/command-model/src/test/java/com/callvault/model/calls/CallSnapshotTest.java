package com.callvault.model.calls;

import static com.callvault.model.calls.CallFixtures.ALICE;
import static com.callvault.model.calls.CallFixtures.ALICE_LAPTOP;
import static com.callvault.model.calls.CallFixtures.BOB;
import static com.callvault.model.calls.CallFixtures.BOB_PHONE;
import static com.callvault.model.calls.CallFixtures.CID;
import static com.callvault.model.calls.CallFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.calls.CallQualitySampled;
import com.callvault.api.calls.ConnectionReported;
import com.callvault.api.calls.ParticipantDisconnected;
import com.callvault.model.axon.SerializerConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Snapshots are the aggregate serialized as JSON: every field, deadline ids included, must survive the round trip. */
class CallSnapshotTest {

    @Test
    void a_snapshot_restores_state_devices_timers_reported_pairs_and_quality() {
        Call call = new Call();
        call.on(CallFixtures.invited(), "ring-deadline");
        call.on(CallFixtures.ringing());
        call.on(CallFixtures.accepted(), "connect-deadline");
        call.on(CallFixtures.connected());
        call.on(new ConnectionReported(CID, BOB.value(), BOB_PHONE, 1_100, "relay", "host", "udp", true, at(7)));
        for (int second = 10; second < 60; second += 5) {
            call.on(new CallQualitySampled(CID, ALICE.value(), ALICE_LAPTOP, second, 3, 0.5, 1_200, 4.3, at(second)));
        }
        call.on(new ParticipantDisconnected(CID, BOB.value(), BOB_PHONE, at(61), at(81)), "grace-deadline");

        Serializer serializer = new SerializerConfiguration().serializer();
        SerializedObject<String> snapshot = serializer.serialize(call, String.class);
        Call restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).contains("\"state\":\"CONNECTED\"").contains("\"graceId\":\"grace-deadline\"")
            .doesNotContain("Infinity");
        assertThat(restored).usingRecursiveComparison().isEqualTo(call);
    }
}
