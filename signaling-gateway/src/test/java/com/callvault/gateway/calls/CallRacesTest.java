package com.callvault.gateway.calls;

import static com.callvault.gateway.calls.CallSignalingTest.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.calls.CallId;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.gateway.testing.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The races of calling, run for real: glare, busy across devices and calls, two devices accepting at once. */
class CallRacesTest extends GatewayIntegrationTest {

    TestWallet alice = TestWallet.random();
    TestWallet bob = TestWallet.random();
    TestWallet carol = TestWallet.random();
    String aliceToken;
    String bobToken;
    String carolToken;

    @BeforeEach
    void signIn() {
        aliceToken = signIn(alice);
        bobToken = signIn(bob);
        carolToken = signIn(carol);
    }

    @RepeatedTest(3)
    void when_two_people_call_each_other_at_once_the_lower_call_id_is_kept_and_both_are_told() {
        List<CallId> ids = twoIdsInOrder();
        CallId first = ids.get(0);
        CallId second = ids.get(1);
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone")) {
            // Bob's invite carries the higher id; both go out without waiting for each other
            bobPhone.send(Map.of("type", "call.invite", "id", "b", "callId", second.value(), "callee", alice.address(), "media", "audio"));
            alicePhone.send(Map.of("type", "call.invite", "id", "a", "callId", first.value(), "callee", bob.address(), "media", "audio"));

            assertThat(bobPhone.awaitType("call.status", "id", "b")).containsEntry("callId", second.value());
            assertThat(alicePhone.awaitType("call.status", "id", "a")).containsEntry("callId", first.value());
            for (WsClient device : List.of(alicePhone, bobPhone)) {
                assertThat(device.awaitType("call.ended", "callId", second.value()))
                    .containsEntry("reason", "glare-replaced").containsEntry("keptCallId", first.value());
            }
            assertThat(bobPhone.awaitType("call.incoming", "callId", first.value())).containsEntry("caller", alice.address());
            bobPhone.send(Map.of("type", "call.accept", "id", "accept", "callId", first.value()));
            assertThat(bobPhone.awaitType("call.status", "id", "accept")).containsEntry("state", "accepted");
            assertThat(alicePhone.received("call.ended")).noneMatch(f -> first.value().equals(f.get("callId")));
        }
    }

    @Test
    void a_callee_in_an_answered_call_on_any_device_is_busy() {
        try (WsClient carolPhone = WsClient.connectAs(port, carolToken, "carol-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone");
             WsClient bobLaptop = WsClient.connectAs(port, bobToken, "bob-laptop");
             WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            carolPhone.send(Map.of("type", "call.invite", "id", "c", "callee", bob.address(), "media", "audio"));
            String carolsCall = (String) carolPhone.awaitType("call.status", "id", "c").get("callId");
            bobPhone.awaitType("call.incoming", "callId", carolsCall);
            bobPhone.send(Map.of("type", "call.accept", "id", "accept", "callId", carolsCall));
            bobPhone.awaitType("call.status", "id", "accept");

            alicePhone.send(Map.of("type", "call.invite", "id", "a", "callee", bob.address(), "media", "video"));

            Map<String, Object> status = alicePhone.awaitType("call.status", "id", "a");
            assertThat(status).containsEntry("state", "ended").containsEntry("endReason", "busy");
            assertThat(alicePhone.awaitType("call.ended", "callId", status.get("callId"))).containsEntry("reason", "busy");
            assertThat(bobLaptop.received("call.incoming")).noneMatch(f -> status.get("callId").equals(f.get("callId")));
        }
    }

    @RepeatedTest(3)
    void of_two_callers_ringing_one_callee_at_once_the_older_call_rings_and_the_other_is_busy() {
        List<CallId> ids = twoIdsInOrder();
        CallId older = ids.get(0);
        CallId younger = ids.get(1);
        try (WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone");
             WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient carolPhone = WsClient.connectAs(port, carolToken, "carol-phone")) {
            carolPhone.send(Map.of("type", "call.invite", "id", "c", "callId", younger.value(), "callee", bob.address(), "media", "audio"));
            alicePhone.send(Map.of("type", "call.invite", "id", "a", "callId", older.value(), "callee", bob.address(), "media", "audio"));

            assertThat(carolPhone.awaitType("call.ended", "callId", younger.value())).containsEntry("reason", "busy");
            assertThat(bobPhone.awaitType("call.incoming", "callId", older.value())).containsEntry("caller", alice.address());
            alicePhone.send(Map.of("type", "call.hangup", "id", "h", "callId", older.value()));
            assertThat(alicePhone.awaitType("call.status", "id", "h")).containsEntry("endReason", "cancelled");
        }
    }

    @RepeatedTest(5)
    void two_devices_accepting_at_once_exactly_one_wins() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone");
             WsClient bobLaptop = WsClient.connectAs(port, bobToken, "bob-laptop")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i", "callee", bob.address(), "media", "audio"));
            String callId = (String) alicePhone.awaitType("call.status", "id", "i").get("callId");
            bobPhone.awaitType("call.incoming", "callId", callId);
            bobLaptop.awaitType("call.incoming", "callId", callId);

            bobPhone.send(Map.of("type", "call.accept", "id", "p", "callId", callId));
            bobLaptop.send(Map.of("type", "call.accept", "id", "l", "callId", callId));

            Map<String, Object> phone = bobPhone.await(f -> "p".equals(f.get("id")));
            Map<String, Object> laptop = bobLaptop.await(f -> "l".equals(f.get("id")));
            List<Map<String, Object>> answers = List.of(phone, laptop);
            assertThat(answers).filteredOn(f -> "call.status".equals(f.get("type"))).hasSize(1);
            assertThat(answers).filteredOn(f -> "error".equals(f.get("type"))).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("code", "call-already-answered"));
            String winner = (String) answers.stream().filter(f -> "call.status".equals(f.get("type"))).findFirst().orElseThrow().get("calleeDevice");
            assertThat(alicePhone.awaitType("call.accepted", "callId", callId)).containsEntry("device", winner);
            WsClient loser = winner.equals("bob-phone") ? bobLaptop : bobPhone;
            assertThat(loser.awaitType("call.ended", "callId", callId)).containsEntry("reason", "answered-elsewhere");

            // the call is consistent: the winner relays, the loser may not
            WsClient winnerSocket = loser == bobPhone ? bobLaptop : bobPhone;
            alicePhone.send(signal(callId, "offer", Map.of("sdp", CallSignalingTest.OFFER_SDP)));
            assertThat(CallSignalingTest.awaitSignals(winnerSocket, callId, 1)).hasSize(1);
            assertThat(loser.received("call.signal")).isEmpty();
        }
    }

    /** Two new call ids, the lower first (two made in the same millisecond are ordered by their random bits). */
    static List<CallId> twoIdsInOrder() {
        return java.util.stream.Stream.of(CallId.newId(), CallId.newId()).sorted().toList();
    }
}
