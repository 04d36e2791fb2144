package com.callvault.gateway.auth;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A session opened on one instance is valid on another that shares the database, and after a restart. */
class SessionsAcrossInstancesTest extends GatewayIntegrationTest {

    @Test
    void a_token_issued_by_one_instance_works_on_a_second_instance_and_after_it_restarts() {
        TestWallet carol = TestWallet.random();
        String token = signIn(carol);

        for (int start = 0; start < 2; start++) {
            try (ConfigurableApplicationContext other = startAnotherInstance()) {
                int port = ((WebServerApplicationContext) other).getWebServer().getPort();
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build()
                    .get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.address").isEqualTo(carol.address());
            }
        }
    }
}
