package com.callvault.gateway.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.gateway.testing.WsClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call from invite to hang-up over real sockets: ringing on every device, one accept, relayed signaling. */
class CallSignalingTest extends GatewayIntegrationTest {

    static final String OFFER_SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    static final String ANSWER_SDP = "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";

    TestWallet alice = TestWallet.random();
    TestWallet bob = TestWallet.random();
    String aliceToken;
    String bobToken;

    @BeforeEach
    void signInBoth() {
        aliceToken = signIn(alice);
        bobToken = signIn(bob);
    }

    @Test
    void a_call_rings_every_device_is_answered_on_one_and_relays_held_and_live_signals_between_the_two_devices_only() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone");
             WsClient bobLaptop = WsClient.connectAs(port, bobToken, "bob-laptop")) {

            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", bob.address(), "media", "video"));
            Map<String, Object> invited = alicePhone.awaitType("call.status", "id", "i1");
            assertThat(invited).containsEntry("state", "ringing").containsEntry("callerDevice", "alice-phone").containsEntry("changed", true);
            String callId = (String) invited.get("callId");
            assertThat(alicePhone.awaitType("call.ringing", "callId", callId)).containsEntry("devices", 2);
            for (WsClient bobDevice : List.of(bobPhone, bobLaptop)) {
                assertThat(bobDevice.awaitType("call.incoming", "callId", callId))
                    .containsEntry("caller", alice.address()).containsEntry("media", "video").containsKey("ringsUntil");
            }

            // an early offer and its candidates are held until a device answers
            alicePhone.send(signal(callId, "offer", Map.of("sdp", OFFER_SDP)));
            alicePhone.send(signal(callId, "candidate", Map.of("candidate", "candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host", "sdpMid", "0")));
            alicePhone.send(signal(callId, "candidate", Map.of("candidate", "candidate:2 1 udp 1686052607 203.0.113.7 50001 typ srflx", "sdpMid", "0")));
            ping(alicePhone);

            bobLaptop.send(Map.of("type", "call.accept", "id", "a1", "callId", callId));
            assertThat(bobLaptop.awaitType("call.status", "id", "a1")).containsEntry("state", "accepted").containsEntry("calleeDevice", "bob-laptop");
            assertThat(alicePhone.awaitType("call.accepted", "callId", callId)).containsEntry("device", "bob-laptop");
            assertThat(bobPhone.awaitType("call.ended", "callId", callId)).containsEntry("reason", "answered-elsewhere");

            List<Map<String, Object>> held = awaitSignals(bobLaptop, callId, 3);
            assertThat(held).extracting(f -> f.get("kind")).containsExactly("offer", "candidate", "candidate");
            assertThat(held.get(0)).containsEntry("sdp", OFFER_SDP).containsEntry("from", alice.address());
            assertThat(held.get(2).get("candidate").toString()).contains("srflx");

            bobLaptop.send(signal(callId, "answer", Map.of("sdp", ANSWER_SDP)));
            bobLaptop.send(signal(callId, "end-of-candidates", Map.of()));
            List<Map<String, Object>> relayed = awaitSignals(alicePhone, callId, 2);
            assertThat(relayed).extracting(f -> f.get("kind")).containsExactly("answer", "end-of-candidates");
            assertThat(relayed.get(0)).containsEntry("sdp", ANSWER_SDP).containsEntry("from", bob.address());

            // the device that was answered elsewhere is not in the call
            bobPhone.send(withId(signal(callId, "candidate", Map.of("candidate", "candidate:3 1 udp 1 10.0.0.2 1 typ host", "sdpMid", "0")), "s-phone"));
            assertThat(bobPhone.awaitType("error", "id", "s-phone")).containsEntry("code", "not-in-call");
            bobPhone.send(Map.of("type", "call.accept", "id", "a2", "callId", callId));
            assertThat(bobPhone.awaitType("error", "id", "a2")).containsEntry("code", "call-already-answered");

            alicePhone.send(Map.of("type", "call.connected", "id", "c1", "callId", callId, "timeToConnectMs", 840,
                "localCandidateType", "srflx", "remoteCandidateType", "host", "protocol", "udp"));
            assertThat(alicePhone.awaitType("call.status", "id", "c1")).containsEntry("state", "connected");
            assertThat(bobLaptop.awaitType("call.connected", "callId", callId)).containsEntry("relayed", false);

            bobLaptop.send(Map.of("type", "call.hangup", "id", "h1", "callId", callId));
            assertThat(bobLaptop.awaitType("call.status", "id", "h1")).containsEntry("state", "ended").containsEntry("endReason", "hangup");
            for (WsClient device : List.of(alicePhone, bobLaptop)) {
                assertThat(device.awaitType("call.ended", "callId", callId)).containsEntry("reason", "hangup").containsEntry("endedBy", bob.address());
            }

            // after the end, signals are refused with the reason
            alicePhone.send(withId(signal(callId, "offer", Map.of("sdp", OFFER_SDP)), "late"));
            assertThat(alicePhone.awaitType("error", "id", "late")).containsEntry("code", "call-ended");
        }
    }

    @Test
    void a_callee_with_no_open_socket_is_peer_offline_at_once() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", bob.address(), "media", "audio"));

            Map<String, Object> status = alicePhone.awaitType("call.status", "id", "i1");
            assertThat(status).containsEntry("state", "ended").containsEntry("endReason", "peer-offline").containsEntry("endedBy", "server");
            assertThat(alicePhone.awaitType("call.ended", "callId", status.get("callId")))
                .containsEntry("reason", "peer-offline").containsEntry("pushSent", false);
        }
    }

    @Test
    void declining_on_one_device_stops_every_device_and_tells_the_caller() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone");
             WsClient bobLaptop = WsClient.connectAs(port, bobToken, "bob-laptop")) {
            String callId = invite(alicePhone, bob, "i1");
            bobLaptop.awaitType("call.incoming", "callId", callId);

            bobPhone.send(Map.of("type", "call.decline", "id", "d1", "callId", callId));

            assertThat(bobPhone.awaitType("call.status", "id", "d1")).containsEntry("endReason", "declined");
            for (WsClient device : List.of(alicePhone, bobPhone, bobLaptop)) {
                assertThat(device.awaitType("call.ended", "callId", callId)).containsEntry("reason", "declined").containsEntry("endedBy", bob.address());
            }
        }
    }

    @Test
    void the_caller_hanging_up_before_an_answer_cancels_the_ringing() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone")) {
            String callId = invite(alicePhone, bob, "i1");
            bobPhone.awaitType("call.incoming", "callId", callId);

            alicePhone.send(Map.of("type", "call.hangup", "id", "h1", "callId", callId));

            assertThat(bobPhone.awaitType("call.ended", "callId", callId)).containsEntry("reason", "cancelled");
            assertThat(alicePhone.awaitType("call.status", "id", "h1")).containsEntry("endReason", "cancelled");
        }
    }

    @Test
    void an_unanswered_call_ends_with_no_answer_when_its_ring_timeout_passes() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", bob.address(), "media", "audio", "ringTimeoutSeconds", 1));
            String callId = (String) alicePhone.awaitType("call.status", "id", "i1").get("callId");

            for (WsClient device : List.of(alicePhone, bobPhone)) {
                assertThat(device.awaitType("call.ended", "callId", callId)).containsEntry("reason", "no-answer").containsEntry("endedBy", "server");
            }
        }
    }

    @Test
    void a_device_that_connects_while_a_call_rings_rings_too() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone");
             WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone")) {
            String callId = invite(alicePhone, bob, "i1");
            bobPhone.awaitType("call.incoming", "callId", callId);

            try (WsClient bobTablet = WsClient.connectAs(port, bobToken, "bob-tablet")) {
                assertThat(bobTablet.awaitType("call.incoming", "callId", callId)).containsEntry("caller", alice.address());
                bobTablet.send(Map.of("type", "call.accept", "id", "a1", "callId", callId));
                assertThat(bobTablet.awaitType("call.status", "id", "a1")).containsEntry("calleeDevice", "bob-tablet");
                assertThat(bobPhone.awaitType("call.ended", "callId", callId)).containsEntry("reason", "answered-elsewhere");
            }
        }
    }

    @Test
    void a_dropped_socket_mid_call_is_reported_to_the_peer_and_its_return_too() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            String callId;
            try (WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone")) {
                callId = invite(alicePhone, bob, "i1");
                bobPhone.awaitType("call.incoming", "callId", callId);
                bobPhone.send(Map.of("type", "call.accept", "id", "a1", "callId", callId));
                alicePhone.awaitType("call.accepted", "callId", callId);
            }
            assertThat(alicePhone.awaitType("call.peer-disconnected", "callId", callId))
                .containsEntry("participant", bob.address()).containsKey("graceUntil");

            try (WsClient bobPhoneAgain = WsClient.connectAs(port, bobToken, "bob-phone")) {
                assertThat(alicePhone.awaitType("call.peer-reconnected", "callId", callId)).containsEntry("participant", bob.address());
                bobPhoneAgain.send(signal(callId, "offer", Map.of("sdp", OFFER_SDP)));
                assertThat(awaitSignals(alicePhone, callId, 1).get(0)).containsEntry("kind", "offer");
            }
        }
    }

    @Test
    void a_reloaded_tab_rings_again_and_a_device_taking_an_answered_call_back_is_told_so() {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            String callId;
            try (WsClient bobPhone = WsClient.connectAs(port, bobToken, "bob-phone")) {
                callId = invite(alicePhone, bob, "i1");
                bobPhone.awaitType("call.incoming", "callId", callId);
            }
            try (WsClient reloaded = WsClient.connectAs(port, bobToken, "bob-phone")) {
                assertThat(reloaded.awaitType("call.incoming", "callId", callId)).containsEntry("caller", alice.address());
                reloaded.send(Map.of("type", "call.accept", "id", "a1", "callId", callId));
                reloaded.awaitType("call.status", "id", "a1");
            }
            alicePhone.awaitType("call.peer-disconnected", "callId", callId);
            try (WsClient back = WsClient.connectAs(port, bobToken, "bob-phone")) {
                assertThat(back.awaitType("call.accepted", "callId", callId)).containsEntry("device", "bob-phone").containsKey("acceptedAt");
                alicePhone.awaitType("call.peer-reconnected", "callId", callId);
            }
        }
    }

    String invite(WsClient caller, TestWallet callee, String requestId) {
        caller.send(Map.of("type", "call.invite", "id", requestId, "callee", callee.address(), "media", "audio"));
        Map<String, Object> status = caller.awaitType("call.status", "id", requestId);
        assertThat(status).containsEntry("state", "ringing");
        return (String) status.get("callId");
    }

    static Map<String, Object> signal(String callId, String kind, Map<String, Object> fields) {
        Map<String, Object> frame = new HashMap<>(fields);
        frame.put("type", "call.signal");
        frame.put("callId", callId);
        frame.put("kind", kind);
        return frame;
    }

    static Map<String, Object> withId(Map<String, Object> frame, String id) {
        Map<String, Object> copy = new HashMap<>(frame);
        copy.put("id", id);
        return copy;
    }

    static void ping(WsClient socket) {
        String id = "ping-" + System.nanoTime();
        socket.send(Map.of("type", "ping", "id", id));
        socket.awaitType("pong", "id", id);
    }

    static List<Map<String, Object>> awaitSignals(WsClient socket, String callId, int count) {
        socket.await(f -> socket.received("call.signal").stream().filter(s -> callId.equals(s.get("callId"))).count() >= count);
        return socket.received("call.signal").stream().filter(s -> callId.equals(s.get("callId"))).toList();
    }
}
