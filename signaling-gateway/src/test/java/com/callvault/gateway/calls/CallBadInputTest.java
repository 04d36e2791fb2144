package com.callvault.gateway.calls;

import static com.callvault.gateway.calls.CallSignalingTest.OFFER_SDP;
import static com.callvault.gateway.calls.CallSignalingTest.signal;
import static com.callvault.gateway.calls.CallSignalingTest.withId;
import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.calls.CallId;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.gateway.testing.WsClient;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every malformed or misplaced call frame gets an error with a code; the socket and the call go on. */
class CallBadInputTest extends GatewayIntegrationTest {

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

    @Test
    void malformed_invites_are_refused_with_a_code() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            assertError(alicePhone, Map.of("type", "call.invite", "id", "1", "media", "audio"), "invalid-frame");
            assertError(alicePhone, Map.of("type", "call.invite", "id", "2", "callee", "0x1234", "media", "audio"), "invalid-frame");
            assertError(alicePhone, Map.of("type", "call.invite", "id", "3", "callee", bob.address(), "media", "hologram"), "invalid-frame");
            assertError(alicePhone, Map.of("type", "call.invite", "id", "4", "callee", bob.address(), "media", "audio", "callId", "call:nope"), "invalid-frame");
            assertError(alicePhone, Map.of("type", "call.invite", "id", "5", "callee", alice.address(), "media", "audio"), "cannot-call-self");
            assertError(alicePhone, Map.of("type", "call.invite", "id", "6", "callee", bob.address(), "media", "audio", "ringTimeoutSeconds", 600),
                "invalid-ring-timeout");
            assertError(alicePhone, Map.of("type", "call.invite", "id", "7", "callee", bob.address(), "media", "audio", "ringTimeoutSeconds", "soon"),
                "invalid-frame");
        }
    }

    @Test
    void signals_and_requests_from_outside_the_call_out_of_order_or_too_large_are_refused_and_the_call_goes_on() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone");
             WsClient carolPhone = WsClient.connectAs(port, carolToken, "carol-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i", "callee", bob.address(), "media", "audio"));
            String callId = (String) alicePhone.awaitType("call.status", "id", "i").get("callId");
            bobPhone.awaitType("call.incoming", "callId", callId);

            assertError(carolPhone, withId(signal(callId, "offer", Map.of("sdp", OFFER_SDP)), "outsider"), "not-in-call");
            assertError(carolPhone, Map.of("type", "call.accept", "id", "steal", "callId", callId), "not-in-call");
            assertError(alicePhone, Map.of("type", "call.accept", "id", "own", "callId", callId), "callee-only");
            assertError(bobPhone, withId(signal(callId, "answer", Map.of("sdp", OFFER_SDP)), "early"), "call-not-answered");
            assertError(alicePhone, withId(signal(CallId.newId().value(), "offer", Map.of("sdp", OFFER_SDP)), "unknown"), "call-not-found");
            assertError(alicePhone, withId(signal(callId, "telepathy", Map.of()), "kind"), "invalid-frame");
            assertError(alicePhone, withId(signal(callId, "offer", Map.of()), "no-sdp"), "invalid-frame");
            assertError(alicePhone, withId(signal(callId, "candidate", Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 1 typ host")), "no-mid"),
                "invalid-frame");
            assertError(alicePhone, withId(signal(callId, "offer", Map.of("sdp", "v=0\r\n" + "a".repeat(40_000))), "huge"), "signal-too-large");
            assertError(alicePhone, Map.of("type", "call.connected", "id", "early-report", "callId", callId, "timeToConnectMs", 10,
                "localCandidateType", "host", "remoteCandidateType", "host", "protocol", "udp"), "call-not-answered");
            assertError(alicePhone, Map.of("type", "call.connected", "id", "bad-type", "callId", callId, "timeToConnectMs", 10,
                "localCandidateType", "wormhole", "remoteCandidateType", "host", "protocol", "udp"), "invalid-frame");

            bobPhone.send(Map.of("type", "call.accept", "id", "a", "callId", callId));
            assertThat(bobPhone.awaitType("call.status", "id", "a")).containsEntry("state", "accepted");
            // an answer with no offer outstanding is out of order; the offer, then the answer, go through
            assertError(bobPhone, withId(signal(callId, "answer", Map.of("sdp", OFFER_SDP)), "no-offer"), "signal-out-of-order");
            alicePhone.send(signal(callId, "offer", Map.of("sdp", OFFER_SDP)));
            CallSignalingTest.awaitSignals(bobPhone, callId, 1);
            bobPhone.send(signal(callId, "answer", Map.of("sdp", OFFER_SDP)));
            assertThat(CallSignalingTest.awaitSignals(alicePhone, callId, 1).get(0)).containsEntry("kind", "answer");
            assertThat(carolPhone.received("call.signal")).isEmpty();
        }
    }

    @Test
    void a_device_that_was_answered_elsewhere_cannot_end_the_call() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone");
             WsClient bobLaptop = WsClient.connectAs(port, bobToken, "bob-laptop")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i", "callee", bob.address(), "media", "audio"));
            String callId = (String) alicePhone.awaitType("call.status", "id", "i").get("callId");
            bobPhone.awaitType("call.incoming", "callId", callId);
            bobLaptop.send(Map.of("type", "call.accept", "id", "a", "callId", callId));
            bobPhone.awaitType("call.ended", "callId", callId);

            assertError(bobPhone, Map.of("type", "call.hangup", "id", "h", "callId", callId), "not-in-call");
            bobLaptop.send(Map.of("type", "call.hangup", "id", "h2", "callId", callId));
            assertThat(bobLaptop.awaitType("call.status", "id", "h2")).containsEntry("endReason", "hangup");
        }
    }

    @Test
    void the_signals_held_for_an_unanswered_call_are_bounded() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i", "callee", bob.address(), "media", "audio"));
            String callId = (String) alicePhone.awaitType("call.status", "id", "i").get("callId");
            for (int i = 0; i < CallRoute.MAX_HELD_SIGNALS; i++) {
                alicePhone.send(signal(callId, "candidate", Map.of("candidate", "candidate:" + i + " 1 udp 1 10.0.0.1 " + (1000 + i) + " typ host",
                    "sdpMLineIndex", 0)));
            }
            assertError(alicePhone, withId(signal(callId, "candidate", Map.of("candidate", "candidate:x 1 udp 1 10.0.0.1 9 typ host",
                "sdpMLineIndex", 0)), "one-too-many"), "signal-buffer-full");

            bobPhone.send(Map.of("type", "call.accept", "id", "a", "callId", callId));
            assertThat(CallSignalingTest.awaitSignals(bobPhone, callId, CallRoute.MAX_HELD_SIGNALS)).hasSize(CallRoute.MAX_HELD_SIGNALS);
        }
    }

    @Test
    void a_malformed_device_id_is_refused_before_anything_else() {
        try (WsClient socket = WsClient.tryConnectAs(port, aliceToken, "no spaces/or slashes")) {
            Map<String, Object> error = socket.awaitType("error", "code", "invalid-device-id");
            assertThat(error.get("message").toString()).contains("device");
            Awaitility.await().until(() -> socket.closeReason() != null);
            assertThat(socket.closeReason()).startsWith("1008");
            assertThat(socket.received("hello")).isEmpty();
        }
    }

    static void assertError(WsClient socket, Map<String, ?> frame, String code) {
        String id = (String) frame.get("id");
        socket.send(new HashMap<>(frame));
        assertThat(socket.await(f -> id.equals(f.get("id")))).containsEntry("type", "error").containsEntry("code", code);
        CallSignalingTest.ping(socket);
    }
}
