package com.callvault.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

class SignInTest extends GatewayIntegrationTest {

    @Test
    void a_wallet_signs_in_and_the_session_cookie_and_bearer_token_both_identify_it() {
        TestWallet alice = TestWallet.random();
        String message = messageFrom(alice);

        var result = verify(message, alice.sign(message))
            .expectStatus().isOk()
            .expectHeader().valueMatches(HttpHeaders.SET_COOKIE, "callvault_session=[A-Za-z0-9_-]{43}; Path=/; Max-Age=\\d+; Expires=.*; HttpOnly; SameSite=Lax")
            .expectBody(Map.class).returnResult();
        Map<?, ?> body = result.getResponseBody();
        assertThat(body.get("address")).isEqualTo(alice.address());
        assertThat(body.get("roles")).isEqualTo(List.of("user"));
        String token = (String) body.get("token");
        ResponseCookie cookie = result.getResponseCookies().getFirst("callvault_session");
        assertThat(cookie.getValue()).isEqualTo(token);
        assertThat(cookie.isSecure()).as("not Secure: the public URL is http").isFalse();

        http.get().uri("/api/me").cookie("callvault_session", token).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.address").isEqualTo(alice.address()).jsonPath("$.roles[0]").isEqualTo("user");
        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.address").isEqualTo(alice.address());
    }

    @Test
    void an_address_in_admin_addresses_gets_the_admin_role_recorded_as_an_event() {
        String token = signIn(ADMIN);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("user", "admin")).jsonPath("$.registeredAt").exists());
    }

    @Test
    void signing_in_again_keeps_the_user_and_opens_another_session() {
        TestWallet bob = TestWallet.random();
        String first = signIn(bob);
        String second = signIn(bob);

        assertThat(second).isNotEqualTo(first);
        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + first).exchange().expectStatus().isOk();
        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + second).exchange().expectStatus().isOk();
    }

    @Test
    void logout_ends_the_session_everywhere_and_clears_the_cookie() {
        String token = signIn(TestWallet.random());

        http.post().uri("/api/auth/logout").cookie("callvault_session", token).exchange()
            .expectStatus().isNoContent()
            .expectHeader().valueMatches(HttpHeaders.SET_COOKIE, "callvault_session=; Path=/; Max-Age=0;.*");
        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.code").isEqualTo("session-ended");
    }

    @Test
    void the_nonce_names_what_the_server_checks_and_is_never_cached() {
        http.get().uri("/api/auth/nonce").exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody()
            .jsonPath("$.nonce").value(n -> assertThat((String) n).matches("[A-Za-z0-9]{17}"))
            .jsonPath("$.domain").isEqualTo(DOMAIN)
            .jsonPath("$.uri").isEqualTo(PUBLIC_URL)
            .jsonPath("$.chainId").isEqualTo(1)
            .jsonPath("$.expiresAt").exists();
    }
}
