package com.callvault.model.messaging;

import static com.callvault.model.messaging.ConversationTest.ALICE;
import static com.callvault.model.messaging.ConversationTest.BOB;
import static com.callvault.model.messaging.ConversationTest.CID;
import static com.callvault.model.messaging.ConversationTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.messaging.MessageDeleted;
import com.callvault.api.messaging.MessagesRead;
import com.callvault.model.axon.SerializerConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Snapshots are the aggregate serialized as JSON: every field must survive the round trip. */
class ConversationSnapshotTest {

    @Test
    void a_snapshot_restores_members_counters_senders_deletions_receipts_and_recent_sends() {
        Conversation conversation = new Conversation();
        conversation.on(ConversationTest.started());
        for (long seq = 1; seq <= 40; seq++) {
            conversation.on(ConversationTest.sent(seq, seq % 2 == 0 ? BOB : ALICE, "c" + seq));
        }
        conversation.on(new MessageDeleted(CID, 3, ALICE.value(), T0));
        conversation.on(new MessagesRead(CID, BOB.value(), 39, T0));

        Serializer serializer = new SerializerConfiguration().serializer();
        SerializedObject<String> snapshot = serializer.serialize(conversation, String.class);
        Conversation restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).contains("\"lastSeq\":40").contains("\"position\":42");
        assertThat(restored).usingRecursiveComparison().isEqualTo(conversation);
    }
}
