package com.callvault.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad sign-ins: each answers its own code, writes nothing, and the next valid sign-in still works. */
class SignInRejectionTest extends GatewayIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final TestWallet alice = TestWallet.random();
    private long eventsBefore;
    private long sessionsBefore;

    @BeforeEach
    void countWhatIsStored() {
        eventsBefore = jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class);
        sessionsBefore = count("auth_session");
    }

    @AfterEach
    void nothingWasWrittenAndTheNextSignInWorks() {
        assertThat(jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class)).as("events").isEqualTo(eventsBefore);
        assertThat(count("auth_session")).as("sessions").isEqualTo(sessionsBefore);
        assertThat(signIn(alice)).isNotBlank();
    }

    @Test
    void a_malformed_message_is_refused() {
        rejected(verify("hello, let me in", alice.sign("hello, let me in")), 400, "message-malformed");
    }

    @Test
    void a_nonce_this_server_never_issued_is_refused() {
        String message = alice.message(DOMAIN, PUBLIC_URL, 1, "NeverIssued123", Instant.now());
        rejected(verify(message, alice.sign(message)), 401, "nonce-unknown");
    }

    @Test
    void a_nonce_used_once_is_refused_the_second_time() {
        String message = messageFrom(alice);
        verify(message, alice.sign(message)).expectStatus().isOk();
        eventsBefore = jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class);
        sessionsBefore = count("auth_session");

        rejected(verify(message, alice.sign(message)), 401, "nonce-used");
    }

    @Test
    void an_expired_nonce_is_refused() {
        String nonce = nonce();
        jdbc.update("UPDATE auth_nonce SET expires_at = now() - interval '1 second' WHERE nonce = ?", nonce);
        String message = alice.message(DOMAIN, PUBLIC_URL, 1, nonce, Instant.now());
        rejected(verify(message, alice.sign(message)), 401, "nonce-expired");
    }

    @Test
    void a_signature_by_another_key_is_refused_and_leaves_the_nonce_usable() {
        String message = messageFrom(alice);
        rejected(verify(message, TestWallet.random().sign(message)), 401, "signature-mismatch");

        verify(message, alice.sign(message)).expectStatus().isOk();
        eventsBefore = jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class);
        sessionsBefore = count("auth_session");
    }

    @Test
    void a_signature_that_is_not_65_bytes_of_hex_is_refused() {
        rejected(verify(messageFrom(alice), "0x1234"), 400, "signature-malformed");
    }

    @Test
    void an_expired_message_is_refused() {
        String message = messageFrom(alice) + "\nExpiration Time: " + Instant.now().minusSeconds(600);
        rejected(verify(message, alice.sign(message)), 422, "message-expired");
    }

    @Test
    void a_message_for_another_domain_is_refused() {
        String message = alice.message("evil.example", "https://evil.example", 1, nonce(), Instant.now());
        rejected(verify(message, alice.sign(message)), 422, "domain-mismatch");
    }

    @Test
    void a_message_for_a_chain_this_server_does_not_accept_is_refused() {
        String message = alice.message(DOMAIN, PUBLIC_URL, 5, nonce(), Instant.now());
        rejected(verify(message, alice.sign(message)), 422, "chain-not-allowed");
    }

    @Test
    void a_request_without_message_or_signature_is_refused() {
        rejected(http.post().uri("/api/auth/verify").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message", "x")).exchange(),
            400, "malformed-request");
        rejected(http.post().uri("/api/auth/verify").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange(),
            400, "malformed-request");
    }

    private void rejected(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.code").isEqualTo(code)
            .jsonPath("$.status").isEqualTo(status)
            .jsonPath("$.title").isNotEmpty()
            .jsonPath("$.detail").isNotEmpty()
            .jsonPath("$.type").isEqualTo("urn:callvault:problem:" + code);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
