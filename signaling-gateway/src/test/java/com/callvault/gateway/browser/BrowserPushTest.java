package com.callvault.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.push.VapidKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Web Push in the browser (web/e2e/push.spec.ts): the app with push on (fresh VAPID keys) and {@code http} endpoints
 * admitted, since the spec's push service runs on this machine. The service worker is served at the root to anyone.
 */
class BrowserPushTest extends BrowserTest {

    private static final VapidKeys VAPID = VapidKeys.generate();

    @DynamicPropertySource
    static void push(DynamicPropertyRegistry registry) {
        registry.add("VAPID_PUBLIC_KEY", VAPID::publicKey);
        registry.add("VAPID_PRIVATE_KEY", VAPID::privateKey);
        registry.add("VAPID_SUBJECT", () -> "mailto:browser-tests@callvault.test");
        registry.add("PUSH_ALLOW_HTTP_ENDPOINTS", () -> "true");
    }

    @Test
    void the_service_worker_is_served_at_the_root_without_a_session_and_revalidated_every_time() throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> worker = client.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/sw.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(worker.statusCode()).isEqualTo(200);
            assertThat(worker.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(worker.body()).contains("pushsubscriptionchange", "notificationclick").doesNotContain("import ");
        }
    }

    @Test
    void notifications_for_calls_and_messages_while_the_app_is_closed() throws IOException, InterruptedException {
        runSpec("push.spec.ts");
    }
}
