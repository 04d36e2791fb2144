package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.TestWallet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** {@code GET /api/ice-servers} in TURN REST mode, over real HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class IceServersRestModeTest extends RestModeIntegrationTest {

    @Test
    void a_signed_in_user_gets_stun_and_turn_servers_with_an_ephemeral_credential_never_cached(CapturedOutput output) throws Exception {
        String token = signIn(TestWallet.random());

        Map<?, ?> answer = http.get().uri("/api/ice-servers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
            .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(answer.keySet().stream().map(Object::toString)).containsExactlyInAnyOrder("iceServers", "ttl", "expiresAt", "mode");
        assertThat(answer.get("mode")).isEqualTo("rest");
        assertThat(((Number) answer.get("ttl")).longValue()).isEqualTo(TTL_SECONDS);
        List<?> servers = (List<?>) answer.get("iceServers");
        assertThat(servers).hasSize(2);
        assertThat(servers.getFirst()).isEqualTo(Map.of("urls", List.of("stun:127.0.0.1:" + Coturn.shared().port)));
        Map<String, Object> turn = turnEntry(answer);
        assertThat(turn).containsOnlyKeys("urls", "username", "credential");
        assertThat(turn.get("urls")).isEqualTo(List.of(turnUri("udp"), turnUri("tcp")));
        String username = (String) turn.get("username");
        assertThat(username).matches("[0-9]{10}:cv-[0-9a-f]{16}");
        assertThat(turn.get("credential")).isEqualTo(hmacSha1Base64(Coturn.shared().secret, username));
        assertThat(output.getAll()).doesNotContain((String) turn.get("credential")).doesNotContain(Coturn.shared().secret);
    }

    @Test
    void the_credential_expires_ttl_seconds_from_now_as_the_username_says() {
        String token = signIn(TestWallet.random());

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<?, ?> answer = iceServers(token);
        Instant after = Instant.now();

        Instant expiresAt = Instant.parse((String) answer.get("expiresAt"));
        assertThat(expiresAt).isBetween(before.plusSeconds(TTL_SECONDS), after.plusSeconds(TTL_SECONDS));
        assertThat(expiresAt.getNano()).isZero();
        String username = (String) turnEntry(answer).get("username");
        assertThat(username).startsWith(expiresAt.getEpochSecond() + ":");
    }

    @Test
    void the_user_part_is_a_stable_pseudonym_that_does_not_reveal_the_address() {
        TestWallet alice = TestWallet.random();
        TestWallet bob = TestWallet.random();

        String first = userPart(iceServers(signIn(alice)));
        String again = userPart(iceServers(signIn(alice)));
        String other = userPart(iceServers(signIn(bob)));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).doesNotContainIgnoringCase(alice.address().substring(2, 18));
    }

    @Test
    void without_a_session_the_answer_is_401() {
        http.get().uri("/api/ice-servers").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("not-signed-in");
        http.get().uri("/api/ice-servers").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-session").exchange()
            .expectStatus().isUnauthorized();
    }

    private static String userPart(Map<?, ?> answer) {
        String username = (String) turnEntry(answer).get("username");
        return username.substring(username.indexOf(':') + 1);
    }

    static String hmacSha1Base64(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
