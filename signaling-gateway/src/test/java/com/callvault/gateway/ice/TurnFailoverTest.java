package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.ice.health.TurnHealth;
import com.callvault.gateway.ice.health.TurnHealthSnapshot;
import com.callvault.gateway.ice.health.TurnServerHealth;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Failover between two real coturns, A and B, checked every second: a stopped one leaves {@code /api/ice-servers}
 * after two failed checks and comes back after one good one; with both stopped the list is handed out as configured.
 */
class TurnFailoverTest extends GatewayIntegrationTest {

    static final Coturn A = Coturn.start(null, Coturn.shared().secret);
    static final Coturn B = Coturn.start(null, Coturn.shared().secret);
    static final Duration WITHIN = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void twoTurnServers(DynamicPropertyRegistry registry) {
        registry.add("TURN_MODE", () -> "rest");
        registry.add("TURN_SECRET", () -> Coturn.shared().secret);
        registry.add("TURN_URLS", () -> String.join(",", A.turnUri("udp"), A.turnUri("tcp"), B.turnUri("udp"), B.turnUri("tcp")));
        registry.add("TURN_HEALTH_INTERVAL", () -> "1s");
        registry.add("TURN_HEALTH_TIMEOUT", () -> "1s");
        registry.add("TURN_HEALTH_FAILURES", () -> "2");
        registry.add("TURN_HEALTH_RECOVERIES", () -> "1");
    }

    @Autowired
    TurnHealth health;

    @AfterAll
    static void stopBoth() {
        A.stop();
        B.stop();
    }

    @BeforeEach
    void bothRunningAndUp() {
        A.restart();
        B.restart();
        await().atMost(WITHIN).until(() -> health.snapshot().servers().stream().allMatch(s -> s.state() == TurnServerHealth.State.UP));
    }

    @Test
    void a_stopped_server_leaves_the_list_and_comes_back_when_it_answers_again() {
        String token = signIn(TestWallet.random());
        assertThat(turnUrls(token)).containsExactly(A.turnUri("udp"), A.turnUri("tcp"), B.turnUri("udp"), B.turnUri("tcp"));

        A.stop();

        await().atMost(WITHIN).until(() -> turnUrls(token).equals(List.of(B.turnUri("udp"), B.turnUri("tcp"))));
        TurnServerHealth down = server(health.snapshot(), A.port);
        assertThat(down.state()).isEqualTo(TurnServerHealth.State.DOWN);
        assertThat(down.consecutiveFailures()).isGreaterThanOrEqualTo(2);
        assertThat(down.lastVerdict().code()).isEqualTo("unreachable");
        assertThat(down.lastCheckAt()).isNotNull();
        assertThat(health.snapshot().allDown()).isFalse();

        A.restart();

        await().atMost(WITHIN).until(() -> turnUrls(token).size() == 4);
        assertThat(server(health.snapshot(), A.port).state()).isEqualTo(TurnServerHealth.State.UP);
    }

    @Test
    void with_every_server_down_the_configured_list_is_handed_out_and_the_health_says_so() {
        String token = signIn(TestWallet.random());

        A.stop();
        B.stop();

        await().atMost(WITHIN).until(() -> health.snapshot().allDown());
        assertThat(turnUrls(token)).containsExactly(A.turnUri("udp"), A.turnUri("tcp"), B.turnUri("udp"), B.turnUri("tcp"));
        assertThat(health.snapshot().usable()).isEmpty();
    }

    @Test
    void health_is_exported_as_metrics() {
        A.stop();
        await().atMost(WITHIN).until(() -> server(health.snapshot(), A.port).state() == TurnServerHealth.State.DOWN);

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
            .contains("callvault_turn_server_up{application=\"callvault\",server=\"127.0.0.1:" + A.port + "\"} 0.0")
            .contains("callvault_turn_server_up{application=\"callvault\",server=\"127.0.0.1:" + B.port + "\"} 1.0")
            .containsPattern("callvault_turn_checks_total\\{application=\"callvault\",outcome=\"ok\",server=\"127.0.0.1:" + B.port + "\"} [1-9]")
            .containsPattern("callvault_turn_checks_total\\{application=\"callvault\",outcome=\"unreachable\",server=\"127.0.0.1:" + A.port + "\"} [1-9]")
            .contains("callvault_turn_check_duration_seconds_count{application=\"callvault\",server=\"127.0.0.1:" + B.port + "\"}");
    }

    private static TurnServerHealth server(TurnHealthSnapshot snapshot, int port) {
        return snapshot.servers().stream().filter(s -> s.server().equals("127.0.0.1:" + port)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<String> turnUrls(String token) {
        Map<?, ?> answer = http.get().uri("/api/ice-servers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) answer.get("iceServers")).stream().filter(s -> s.containsKey("credential"))
            .map(s -> (List<String>) s.get("urls")).findFirst().orElseThrow();
    }
}
