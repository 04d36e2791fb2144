package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.TestWallet;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code /api/push}: the VAPID key, subscribing (idempotent per endpoint), listing without secrets, unsubscribing, bad input. */
class PushSubscriptionsApiTest extends PushIntegrationTest {

    TestWallet alice = TestWallet.random();
    String token;

    @BeforeEach
    void signInAlice() {
        token = signIn(alice);
    }

    @Test
    void a_signed_in_client_reads_the_vapid_public_key_and_nobody_else_does() {
        http.get().uri("/api/push/vapid-public-key").headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.publicKey").isEqualTo(VAPID.publicKey());
        http.get().uri("/api/push/vapid-public-key").exchange()
            .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("not-signed-in");
    }

    @Test
    void subscribing_twice_with_one_endpoint_keeps_one_device_and_the_list_never_shows_the_keys() {
        LocalPushService.Device phone = PUSH_SERVICE.newDevice();

        subscribe(token, phone.subscription()).expectStatus().isCreated().expectBody()
            .jsonPath("$.endpoint").isEqualTo(phone.endpoint()).jsonPath("$.created").isEqualTo(true);
        subscribe(token, phone.subscription()).expectStatus().isOk().expectBody().jsonPath("$.created").isEqualTo(false);

        var listed = subscriptions(token);
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst()).containsEntry("endpoint", phone.endpoint()).doesNotContainKeys("keys", "auth", "p256dh");
        assertThat(listed.getFirst().get("userAgent")).isNotNull();
        http.get().uri("/api/push/subscriptions").headers(h -> h.setBearerAuth(token)).exchange()
            .expectBody().jsonPath("$.pushEnabled").isEqualTo(true);
    }

    @Test
    void unsubscribing_by_body_or_by_query_removes_only_that_device() {
        LocalPushService.Device phone = PUSH_SERVICE.newDevice();
        LocalPushService.Device laptop = PUSH_SERVICE.newDevice();
        subscribe(token, phone.subscription()).expectStatus().isCreated();
        subscribe(token, laptop.subscription()).expectStatus().isCreated();

        http.method(org.springframework.http.HttpMethod.DELETE).uri("/api/push/subscriptions").headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("endpoint", phone.endpoint())).exchange()
            .expectStatus().isNoContent();
        assertThat(subscriptions(token)).extracting(s -> s.get("endpoint")).containsExactly(laptop.endpoint());

        http.delete().uri(b -> b.path("/api/push/subscriptions").queryParam("endpoint", "{e}").build(laptop.endpoint()))
            .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNoContent();
        assertThat(subscriptions(token)).isEmpty();

        http.delete().uri(b -> b.path("/api/push/subscriptions").queryParam("endpoint", "{e}").build(laptop.endpoint()))
            .headers(h -> h.setBearerAuth(token)).exchange()
            .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("push-subscription-not-found");
    }

    @Test
    void a_device_belongs_to_the_session_that_subscribed_it_and_is_renewed_under_the_next_one() {
        LocalPushService.Device phone = PUSH_SERVICE.newDevice();
        subscribe(token, phone.subscription()).expectStatus().isCreated();
        assertThat(subscriptions(token).getFirst()).containsEntry("signedIn", true).containsEntry("thisSession", true);

        // the session ends on the server (here a sign-out; an expiry or a revocation alike) and the browser keeps its subscription
        http.post().uri("/api/auth/logout").cookie("callvault_session", token).exchange().expectStatus().isNoContent();
        String next = signIn(alice);
        assertThat(subscriptions(next).getFirst()).containsEntry("endpoint", phone.endpoint())
            .containsEntry("signedIn", false).containsEntry("thisSession", false);

        subscribe(next, phone.subscription()).expectStatus().isOk();
        assertThat(subscriptions(next).getFirst()).containsEntry("signedIn", true).containsEntry("thisSession", true);
        assertThat(subscriptions(signIn(alice)).getFirst()).as("seen from a third session")
            .containsEntry("signedIn", true).containsEntry("thisSession", false);
    }

    @Test
    void another_users_device_cannot_be_unsubscribed_by_its_endpoint() {
        LocalPushService.Device phone = PUSH_SERVICE.newDevice();
        subscribe(token, phone.subscription()).expectStatus().isCreated();
        String mallory = signIn(TestWallet.random());

        http.delete().uri(b -> b.path("/api/push/subscriptions").queryParam("endpoint", "{e}").build(phone.endpoint()))
            .headers(h -> h.setBearerAuth(mallory)).exchange().expectStatus().isNotFound();
        assertThat(subscriptions(token)).hasSize(1);
    }

    @Test
    void bad_subscriptions_are_refused_with_a_code_naming_what_is_wrong() {
        LocalPushService.Device device = PUSH_SERVICE.newDevice();
        String auth = Base64.getUrlEncoder().withoutPadding().encodeToString(device.auth);

        expectProblem(null, 400, "malformed-request");
        expectProblem(Map.of("endpoint", device.endpoint()), 400, "malformed-request");
        expectProblem(with(device, "endpoint", "ftp://push.example.net/x"), 422, "invalid-push-endpoint");
        expectProblem(with(device, "endpoint", "not a url"), 422, "invalid-push-endpoint");
        expectProblem(with(device, "endpoint", "https://push.example.net/" + "x".repeat(1100)), 422, "invalid-push-endpoint");
        expectProblem(with(device, "endpoint", "https://user:pw@push.example.net/x"), 422, "invalid-push-endpoint");
        expectProblem(keys(device, device.p256dh().substring(0, 40), auth), 422, "invalid-push-key");
        expectProblem(keys(device, "B" + "A".repeat(86), auth), 422, "invalid-push-key"); // 65 bytes, not on the curve
        expectProblem(keys(device, device.p256dh(), "c2hvcnQ"), 422, "invalid-push-key");
        expectProblem(keys(device, device.p256dh(), "not base64url!"), 422, "invalid-push-key");
        expectProblem(with(device, "expirationTime", 1_000L), 422, "push-subscription-expired");
        assertThat(subscriptions(token)).isEmpty();
    }

    private void expectProblem(Object body, int status, String code) {
        var request = http.post().uri("/api/push/subscriptions").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON);
        (body == null ? request.exchange() : request.bodyValue(body).exchange())
            .expectStatus().isEqualTo(status)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private static Map<String, Object> with(LocalPushService.Device device, String key, Object value) {
        Map<String, Object> json = new LinkedHashMap<>(device.subscription());
        json.put(key, value);
        return json;
    }

    private static Map<String, Object> keys(LocalPushService.Device device, String p256dh, String auth) {
        return with(device, "keys", Map.of("p256dh", p256dh, "auth", auth));
    }
}
