package com.callvault.gateway.ice;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in TURN REST mode against the shared {@link Coturn}: {@code TURN_SECRET} holds coturn's current secret
 * then its previous one, {@code TURN_URLS} its UDP and TCP URIs, {@code STUN_URLS} its STUN URI, {@code TURN_TTL}
 * a bare number (seconds) and {@code TURN_USER_PREFIX} a prefix. Every rest-mode test class shares this one context.
 */
abstract class RestModeIntegrationTest extends GatewayIntegrationTest {

    static final long TTL_SECONDS = 600;
    static final String USER_PREFIX = "cv-";

    @DynamicPropertySource
    static void iceSettings(DynamicPropertyRegistry registry) {
        registry.add("TURN_MODE", () -> "rest");
        registry.add("TURN_SECRET", () -> Coturn.shared().secret + "," + Coturn.shared().previousSecret);
        registry.add("TURN_URLS", () -> turnUri("udp") + "," + turnUri("tcp"));
        registry.add("STUN_URLS", () -> "stun:127.0.0.1:" + Coturn.shared().port);
        registry.add("TURN_TTL", () -> Long.toString(TTL_SECONDS));
        registry.add("TURN_USER_PREFIX", () -> USER_PREFIX);
    }

    /** Before the context loads, so that every class, not only the first, fails with "install coturn" when it is missing. */
    @BeforeAll
    static void coturnRunning() {
        Coturn.shared();
    }

    static String turnUri(String transport) {
        return "turn:127.0.0.1:" + Coturn.shared().port + "?transport=" + transport;
    }

    /** GET /api/ice-servers as the holder of {@code token}: the JSON body. */
    Map<?, ?> iceServers(String token) {
        return http.get().uri("/api/ice-servers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The TURN entry (the one with a credential) of an answer. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> turnEntry(Map<?, ?> answer) {
        return ((java.util.List<Map<String, Object>>) answer.get("iceServers")).stream()
            .filter(server -> server.containsKey("credential")).findFirst().orElseThrow();
    }
}
