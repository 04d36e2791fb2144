package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** With nothing configured (the shared default context) the mode is {@code none} and there are no ICE servers. */
class IceServersNoneModeTest extends GatewayIntegrationTest {

    @Test
    void nothing_configured_means_no_ice_servers() {
        String token = signIn(TestWallet.random());

        Map<?, ?> answer = http.get().uri("/api/ice-servers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
            .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(answer.get("mode")).isEqualTo("none");
        assertThat(answer.get("iceServers")).isEqualTo(List.of());
        assertThat(((Number) answer.get("ttl")).longValue()).isEqualTo(3600);
        assertThat(answer.get("expiresAt")).isNotNull();
    }
}
