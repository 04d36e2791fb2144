package com.callvault.gateway.push;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Without VAPID keys the server runs, and the push endpoints say push is off instead of failing obscurely. */
class PushDisabledTest extends GatewayIntegrationTest {

    @Test
    void without_vapid_keys_the_key_and_subscribing_answer_push_disabled_and_the_list_says_push_is_off() {
        String token = signIn(TestWallet.random());

        http.get().uri("/api/push/vapid-public-key").headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("push-disabled");
        http.post().uri("/api/push/subscriptions").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("endpoint", "https://push.example.net/x", "keys", Map.of("p256dh", "x", "auth", "y"))).exchange()
            .expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("push-disabled");
        http.get().uri("/api/push/subscriptions").headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.pushEnabled").isEqualTo(false).jsonPath("$.subscriptions").isEmpty();
    }
}
