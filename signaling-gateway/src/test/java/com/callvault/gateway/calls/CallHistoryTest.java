package com.callvault.gateway.calls;

import static com.callvault.gateway.calls.CallSignalingTest.OFFER_SDP;
import static com.callvault.gateway.calls.CallSignalingTest.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.gateway.testing.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

/** What clients report becomes data: call history per user over HTTP, and call metrics for Prometheus. */
class CallHistoryTest extends GatewayIntegrationTest {

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
    void a_relayed_call_with_quality_reports_shows_in_both_histories_with_its_outcome_pair_and_quality() {
        String missed;
        String talked;
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "offline", "callee", bob.address(), "media", "audio"));
            missed = (String) alicePhone.awaitType("call.status", "id", "offline").get("callId");

            try (WsClient bobLaptop = WsClient.connectAs(port, bobToken, "bob-laptop")) {
                alicePhone.send(Map.of("type", "call.invite", "id", "i", "callee", bob.address(), "media", "video"));
                talked = (String) alicePhone.awaitType("call.status", "id", "i").get("callId");
                bobLaptop.awaitType("call.incoming", "callId", talked);
                bobLaptop.send(Map.of("type", "call.accept", "id", "a", "callId", talked));
                bobLaptop.awaitType("call.status", "id", "a");
                alicePhone.send(signal(talked, "offer", Map.of("sdp", OFFER_SDP)));
                alicePhone.send(Map.of("type", "call.connected", "id", "c", "callId", talked, "timeToConnectMs", 1200,
                    "localCandidateType", "relay", "remoteCandidateType", "srflx", "protocol", "udp"));
                alicePhone.awaitType("call.status", "id", "c");
                alicePhone.send(Map.of("type", "call.quality", "id", "q", "callId", talked, "rttMs", 80.0, "jitterMs", 6.0,
                    "lossPercent", 1.5, "bitrateKbps", 900.0));
                Map<String, Object> scored = alicePhone.awaitType("call.scored", "id", "q");
                assertThat(scored).containsEntry("recorded", true).containsEntry("poor", false);
                assertThat((Double) scored.get("mos")).isBetween(3.5, 4.5);
                alicePhone.send(Map.of("type", "call.hangup", "id", "h", "callId", talked));
                alicePhone.awaitType("call.status", "id", "h");
            }
        }

        List<Map<String, Object>> aliceCalls = awaitHistory(aliceToken, 2);
        assertThat(aliceCalls).extracting(c -> c.get("callId")).containsExactly(talked, missed);
        assertThat(aliceCalls.get(0)).containsEntry("direction", "outgoing").containsEntry("peer", bob.address())
            .containsEntry("media", "video").containsEntry("outcome", "connected").containsEntry("endReason", "hangup")
            .containsEntry("endedBy", alice.address()).containsEntry("relayed", true).containsEntry("localCandidateType", "relay")
            .containsEntry("transport", "udp").containsKeys("setupMillis", "durationMillis", "connectedAt");
        assertThat(aliceCalls.get(0).get("quality")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("samples", 1).containsEntry("rttAvgMs", 80.0).containsEntry("lossMaxPercent", 1.5);
        assertThat(aliceCalls.get(1)).containsEntry("outcome", "unanswered").containsEntry("endReason", "peer-offline")
            .containsEntry("pushSent", false);

        List<Map<String, Object>> bobCalls = awaitHistory(bobToken, 2);
        assertThat(bobCalls.get(0)).containsEntry("direction", "incoming").containsEntry("peer", alice.address());
        assertThat(history(carolToken, "")).isEmpty();

        // one page at a time, newest first
        Map<String, Object> first = page(aliceToken, "?limit=1");
        assertThat(calls(first)).extracting(c -> c.get("callId")).containsExactly(talked);
        Map<String, Object> second = page(aliceToken, "?limit=1&before=" + first.get("before"));
        assertThat(calls(second)).extracting(c -> c.get("callId")).containsExactly(missed);
        assertThat(second.get("before")).isNull();

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
        assertThat(metrics).containsPattern("callvault_calls_ended_total\\{[^}]*outcome=\"connected\",reason=\"hangup\"} [1-9]")
            .containsPattern("callvault_calls_ended_total\\{[^}]*outcome=\"unanswered\",reason=\"peer-offline\"} [1-9]")
            .containsPattern("callvault_calls_connected_total\\{[^}]*relayed=\"true\"} [1-9]")
            .containsPattern("callvault_call_setup_seconds_count\\{[^}]*} [1-9]").contains("callvault_calls_active");
    }

    @Test
    void bad_paging_is_refused_and_history_needs_a_session() {
        http.get().uri("/api/calls?limit=0").header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-limit");
        http.get().uri("/api/calls?limit=many").header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-limit");
        http.get().uri("/api/calls?before=yesterday").header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-cursor");
        http.get().uri("/api/calls").exchange().expectStatus().isUnauthorized();
    }

    List<Map<String, Object>> awaitHistory(String token, int ended) {
        return await().until(() -> history(token, ""), calls -> calls.size() == ended && calls.stream().allMatch(c -> c.get("outcome") != null));
    }

    List<Map<String, Object>> history(String token, String query) {
        return calls(page(token, query));
    }

    Map<String, Object> page(String token, String query) {
        return http.get().uri("/api/calls" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> calls(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("calls");
    }
}
