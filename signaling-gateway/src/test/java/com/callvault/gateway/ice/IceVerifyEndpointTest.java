package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /api/admin/ice-verify} over real HTTP: the shared coturn over UDP and TCP, a TLS coturn over {@code turns:}
 * (its self-signed certificate in {@code TURN_TLS_TRUST}), and a STUN URI whose port swallows every packet.
 */
class IceVerifyEndpointTest extends GatewayIntegrationTest {

    static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(2);
    static final TestCertificate CERTIFICATE = TestCertificate.selfSigned("ip:127.0.0.1");
    static final Coturn TLS_COTURN = Coturn.start(CERTIFICATE, Coturn.shared().secret);
    static final SilentServers SILENT = new SilentServers();

    @DynamicPropertySource
    static void iceSettings(DynamicPropertyRegistry registry) {
        registry.add("TURN_MODE", () -> "rest");
        registry.add("TURN_SECRET", () -> Coturn.shared().secret);
        registry.add("TURN_URLS", () -> Coturn.shared().turnUri("udp") + "," + Coturn.shared().turnUri("tcp")
            + ",turns:127.0.0.1:" + TLS_COTURN.tlsPort + "?transport=tcp");
        registry.add("STUN_URLS", () -> "stun:127.0.0.1:" + Coturn.shared().port + ",stun:127.0.0.1:" + SILENT.silentUdpPort());
        registry.add("TURN_EXTERNAL_IP", () -> "127.0.0.1");
        registry.add("TURN_TLS_TRUST", () -> CERTIFICATE.certificate().toString());
        registry.add("ICE_VERIFY_TIMEOUT", VERIFY_TIMEOUT::toString);
    }

    @AfterAll
    static void stop() throws IOException {
        TLS_COTURN.stop();
        SILENT.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_gets_a_verdict_per_uri_within_the_verify_timeout() {
        String admin = signIn(ADMIN);

        Map<String, Object> report = await().atMost(VERIFY_TIMEOUT.plusSeconds(3))
            .until(() -> http.get().uri("/api/admin/ice-verify").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(Map.class).returnResult().getResponseBody(), body -> body != null);

        assertThat(report).containsEntry("mode", "rest").containsEntry("verdict", "degraded").containsEntry("externalIps", List.of("127.0.0.1"));
        List<Map<String, Object>> turn = (List<Map<String, Object>>) report.get("turn");
        assertThat(turn).extracting(t -> t.get("transport")).containsExactly("udp", "tcp", "tls");
        assertThat(turn).allSatisfy(t -> {
            assertThat(t).containsEntry("verdict", "ok").containsEntry("ok", true).containsEntry("realm", Coturn.REALM);
            assertThat((String) t.get("relayedAddress")).startsWith("127.0.0.1:");
            assertThat(t).containsKeys("reflexiveAddress", "bindingMillis", "allocateMillis", "totalMillis", "detail");
        });
        List<Map<String, Object>> stun = (List<Map<String, Object>>) report.get("stun");
        assertThat(stun).extracting(s -> s.get("verdict")).containsExactly("ok", "timeout");
        assertThat((String) report.get("summary")).contains("4 of 5 URIs work");
        assertThat(report.toString()).doesNotContain(Coturn.shared().secret);
    }

    @Test
    void a_user_without_the_admin_role_is_forbidden_as_problem_details() {
        String user = signIn(TestWallet.random());

        http.get().uri("/api/admin/ice-verify").header(HttpHeaders.AUTHORIZATION, "Bearer " + user).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("forbidden").jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void without_a_session_it_is_unauthorized() {
        http.get().uri("/api/admin/ice-verify").exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.code").isEqualTo("not-signed-in");
    }
}
