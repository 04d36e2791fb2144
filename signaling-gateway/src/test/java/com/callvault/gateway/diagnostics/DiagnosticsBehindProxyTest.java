package com.callvault.gateway.diagnostics;

import static com.callvault.gateway.diagnostics.DiagnosticsTest.check;
import static com.callvault.gateway.diagnostics.DiagnosticsTest.details;
import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.ProductionLikeIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** GET /api/admin/diagnostics on a deployment-like configuration: a trusted proxy, TURN REST, Web Push, an uploads volume. */
class DiagnosticsBehindProxyTest extends ProductionLikeIntegrationTest {

    @Test
    void no_secret_appears_in_the_report() {
        String json = http.get().uri("/api/admin/diagnostics").header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn(ADMIN)).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(json).doesNotContain(TURN_SECRET).doesNotContain(VAPID.privateKey())
            .contains(VAPID.publicKey()).contains("TURN_MODE=rest").contains(TURN.turnUrls().split(",")[1]);
    }

    @Test
    void turn_stun_and_push_report_what_is_configured() {
        Map<String, Object> report = report(headers -> { });

        Map<String, Object> turn = check(report, "turn");
        assertThat(turn.get("status")).isEqualTo("ok");
        assertThat(details(turn)).containsEntry("mode", "rest").containsEntry("secrets", 1);
        assertThat(details(turn).get("transports")).asList().containsExactly("tcp", "udp");
        assertThat(check(report, "stun").get("status")).isEqualTo("ok");
        Map<String, Object> vapid = check(report, "vapid");
        assertThat(vapid.get("status")).isEqualTo("ok");
        assertThat(vapid.get("summary")).asString().contains("a test signature verifies");
        assertThat(details(check(report, "push-subscriptions")).get("pushesSinceStart")).isInstanceOf(Map.class);
    }

    @Test
    void forwarded_headers_that_add_up_to_the_public_url_show_the_route_websockets_take() {
        Map<String, Object> proxy = check(report(headers -> {
            headers.add("X-Forwarded-Proto", "http");
            headers.add("X-Forwarded-Host", "localhost:8080");
            headers.add("X-Forwarded-For", "203.0.113.7");
        }), "proxy");

        assertThat(proxy.get("status")).isEqualTo("ok");
        assertThat(proxy.get("summary")).asString().contains("ws://localhost:8080/ws");
        assertThat(details(proxy).get("forwardedHeaders")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("x-forwarded-proto", java.util.List.of("http")).containsEntry("x-forwarded-host", java.util.List.of("localhost:8080"));
        assertThat(details(proxy).get("arrivedAs")).isEqualTo("http://localhost:" + port);
    }

    @Test
    void a_proxy_forwarding_another_host_than_the_public_url_is_named() {
        Map<String, Object> proxy = check(report(headers -> headers.add("Forwarded", "proto=https;host=callvs.com")), "proxy");

        assertThat(proxy.get("status")).isEqualTo("warn");
        assertThat(details(proxy).get("appSeesRequestsAs")).isEqualTo("https://callvs.com");
        assertThat(proxy.get("summary")).asString().contains("https://callvs.com").contains("PUBLIC_URL is http://localhost:8080");
    }

    @Test
    void a_trusted_proxy_that_sends_no_forwarded_headers_is_a_warning() {
        Map<String, Object> proxy = check(report(headers -> { }), "proxy");

        assertThat(proxy.get("status")).isEqualTo("warn");
        assertThat(proxy.get("summary")).asString().contains("carried no forwarded headers");
    }

    @Test
    void an_uploads_directory_that_cannot_take_files_fails_the_report() throws IOException {
        Files.createDirectories(UPLOADS_DIR);
        Files.delete(UPLOADS_DIR);
        Files.writeString(UPLOADS_DIR, "a file where the volume should be");
        try {
            Map<String, Object> report = report(headers -> { });

            assertThat(report.get("verdict")).isEqualTo("fail");
            Map<String, Object> uploads = check(report, "uploads");
            assertThat(uploads.get("status")).isEqualTo("fail");
            assertThat(uploads.get("summary")).asString().contains("UPLOADS_DIR " + UPLOADS_DIR);
        } finally {
            Files.delete(UPLOADS_DIR);
        }
        assertThat(check(report(headers -> { }), "uploads").get("status")).isEqualTo("ok");
    }

    private Map<String, Object> report(Consumer<HttpHeaders> headers) {
        Map<?, ?> body = http.get().uri("/api/admin/diagnostics").header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn(ADMIN))
            .headers(headers).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return DiagnosticsTest.object(body);
    }
}
