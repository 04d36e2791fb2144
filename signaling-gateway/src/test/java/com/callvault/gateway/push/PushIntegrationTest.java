package com.callvault.gateway.push;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application with Web Push on (fresh VAPID keys), http endpoints admitted, short retry delays, and a
 * {@link LocalPushService} on this machine for the subscriptions to point at.
 */
abstract class PushIntegrationTest extends GatewayIntegrationTest {

    static final VapidKeys VAPID = VapidKeys.generate();
    static final String SUBJECT = "mailto:push-tests@callvault.test";
    static final LocalPushService PUSH_SERVICE = LocalPushService.start();

    @DynamicPropertySource
    static void push(DynamicPropertyRegistry registry) {
        registry.add("VAPID_PUBLIC_KEY", VAPID::publicKey);
        registry.add("VAPID_PRIVATE_KEY", VAPID::privateKey);
        registry.add("VAPID_SUBJECT", () -> SUBJECT);
        registry.add("PUSH_ALLOW_HTTP_ENDPOINTS", () -> "true");
        registry.add("callvault.push.retry-delay", () -> "100ms");
    }

    WebTestClient.ResponseSpec subscribe(String token, Object subscription) {
        return http.post().uri("/api/push/subscriptions").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(subscription).exchange();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> subscriptions(String token) {
        Map<String, Object> body = http.get().uri("/api/push/subscriptions").headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("subscriptions");
    }
}
