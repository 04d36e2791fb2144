package com.callvault.gateway.operations;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class ErrorsAndOperationsTest extends GatewayIntegrationTest {

    @Test
    void an_unknown_route_answers_404_problem_details_without_a_stack_trace() {
        String token = signIn(TestWallet.random());
        http.get().uri("/api/no-such-thing").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.code").isEqualTo("not-found")
            .jsonPath("$.trace").doesNotExist()
            .jsonPath("$.exception").doesNotExist();
        http.get().uri("/no-such-page").exchange()
            .expectStatus().isNotFound()
            .expectBody().jsonPath("$.code").isEqualTo("not-found");
    }

    @Test
    void the_api_needs_a_session() {
        http.get().uri("/api/me").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("not-signed-in");
        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-session").exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.code").isEqualTo("session-ended");
    }

    @Test
    void a_state_changing_request_from_another_site_is_refused() {
        String token = signIn(TestWallet.random());
        http.post().uri("/api/auth/logout").header(HttpHeaders.ORIGIN, "https://evil.example").cookie("callvault_session", token).exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.code").isEqualTo("origin-not-allowed");
        http.get().uri("/api/me").cookie("callvault_session", token).exchange().expectStatus().isOk();
    }

    @Test
    void health_reports_the_database_and_prometheus_exports_axon_and_http_metrics() {
        http.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP");
        signIn(TestWallet.random());
        http.get().uri("/actuator/prometheus").exchange()
            .expectStatus().isOk()
            .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                .contains("http_server_requests_seconds_count")
                .contains("commandBus_successCounter_total")
                .contains("eventProcessor_successCounter_total"));
    }

    @Test
    void the_web_client_is_served_at_the_root() {
        http.get().uri("/").exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).value(html -> org.assertj.core.api.Assertions.assertThat(html).contains("CallVault"));
    }
}
