package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code GET /api/ice-servers} with the seed's static TURN configuration ({@code TURN_MODE=custom}). */
class IceServersCustomModeTest extends GatewayIntegrationTest {

    @DynamicPropertySource
    static void seedTurnSettings(DynamicPropertyRegistry registry) {
        registry.add("TURN_MODE", () -> "custom");
        registry.add("TURN_URLS", () -> "turn:callvs.com:3478,turn:callvs.com:3478?transport=tcp");
        registry.add("TURN_USERNAME", () -> "coturn-user");
        registry.add("TURN_CREDENTIAL", () -> "coturn-password");
        registry.add("STUN_URLS", () -> "stun:callvs.com:3478,stun:stun.l.google.com:19302");
        // these hosts are examples, never to be contacted from a test: no background checks of them
        registry.add("TURN_HEALTH_ENABLED", () -> "false");
    }

    @Test
    void everyone_gets_the_static_credential_and_a_refresh_horizon_of_the_default_ttl() {
        String token = signIn(TestWallet.random());

        Instant before = Instant.now();
        Map<?, ?> answer = http.get().uri("/api/ice-servers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk()
            .expectHeader().cacheControl(CacheControl.noStore())
            .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(answer.get("mode")).isEqualTo("custom");
        assertThat(answer.get("iceServers")).isEqualTo(List.of(
            Map.of("urls", List.of("stun:callvs.com:3478", "stun:stun.l.google.com:19302")),
            Map.of("urls", List.of("turn:callvs.com:3478", "turn:callvs.com:3478?transport=tcp"),
                "username", "coturn-user", "credential", "coturn-password")));
        assertThat(((Number) answer.get("ttl")).longValue()).isEqualTo(3600);
        assertThat(Instant.parse((String) answer.get("expiresAt"))).isAfter(before.plusSeconds(3599));
    }
}
