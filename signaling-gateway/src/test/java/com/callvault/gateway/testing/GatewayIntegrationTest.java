package com.callvault.gateway.testing;

import com.callvault.gateway.CallVaultApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random port, over real HTTP, on a real PostgreSQL ({@link PostgresForTests}).
 * Public URL is fixed so sign-in messages name a known domain; {@link #ADMIN} is in ADMIN_ADDRESSES.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    public static final String PUBLIC_URL = "http://localhost:8080";
    /**
     * Counts the stored events that are not about calls. Tests that check "nothing was stored" count these: calls
     * end by durable timers in the background (a call another test left ringing or dropped ends 20–45 s later).
     */
    public static final String COUNT_EVENTS_BUT_CALLS = "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier NOT LIKE 'call:%'";
    public static final String DOMAIN = "localhost:8080";
    public static final TestWallet ADMIN = TestWallet.random();

    @LocalServerPort
    protected int port;

    protected WebTestClient http;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", PostgresForTests::databaseUrl);
        registry.add("PUBLIC_URL", () -> PUBLIC_URL);
        registry.add("ADMIN_ADDRESSES", ADMIN::address);
        registry.add("LOG_FORMAT", () -> "");
    }

    @BeforeEach
    void httpClient() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)) // /actuator/prometheus is large
            .build();
    }

    /** Another instance of the app on the same database, as behind a load balancer; close it when done. */
    protected static ConfigurableApplicationContext startAnotherInstance() {
        return new SpringApplicationBuilder(CallVaultApplication.class).run(
            "--PORT=0", "--DATABASE_URL=" + PostgresForTests.databaseUrl(), "--PUBLIC_URL=" + PUBLIC_URL,
            "--LOG_FORMAT=", "--spring.jmx.enabled=false");
    }

    /** GET /api/auth/nonce and answer its nonce. */
    protected String nonce() {
        Map<?, ?> body = http.get().uri("/api/auth/nonce").exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("nonce");
    }

    /** A fresh, correct message from {@code wallet} with a nonce from the server. */
    protected String messageFrom(TestWallet wallet) {
        return wallet.message(DOMAIN, PUBLIC_URL, 1, nonce(), Instant.now());
    }

    protected WebTestClient.ResponseSpec verify(String message, String signature) {
        return http.post().uri("/api/auth/verify").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("message", message, "signature", signature)).exchange();
    }

    /** Signs in and answers the bearer token. */
    protected String signIn(TestWallet wallet) {
        String message = messageFrom(wallet);
        Map<?, ?> body = verify(message, wallet.sign(message)).expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }
}
