package com.callvault.gateway.testing;

import com.callvault.gateway.ice.Coturn;
import com.callvault.gateway.push.VapidKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application configured as a deployment is: behind a proxy it trusts ({@code TRUST_PROXY=true}), TURN in REST
 * mode with a secret (a real coturn), STUN, Web Push keys, uploads in a directory of their own. The secrets are known to the tests, so
 * they can check none leaks. One context for every subclass.
 */
public abstract class ProductionLikeIntegrationTest extends GatewayIntegrationTest {

    /** A real coturn: the background TURN health checks find it relaying, whenever a test reads the diagnostics. */
    public static final Coturn TURN = Coturn.startWith();
    public static final String TURN_SECRET = TURN.currentSecret();
    public static final VapidKeys VAPID = VapidKeys.generate();
    public static final Path UPLOADS_DIR = temporaryDirectory();

    @DynamicPropertySource
    static void deployment(DynamicPropertyRegistry registry) {
        registry.add("TRUST_PROXY", () -> "true");
        registry.add("TURN_MODE", () -> "rest");
        registry.add("TURN_SECRET", () -> TURN_SECRET);
        registry.add("TURN_URLS", TURN::turnUrls);
        registry.add("STUN_URLS", () -> TURN.turnUrls().split(",")[0].replace("turn:", "stun:").replace("?transport=udp", ""));
        registry.add("VAPID_PUBLIC_KEY", VAPID::publicKey);
        registry.add("VAPID_PRIVATE_KEY", VAPID::privateKey);
        registry.add("VAPID_SUBJECT", () -> "mailto:ops@callvault.test");
        registry.add("UPLOADS_DIR", UPLOADS_DIR::toString);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("callvault-uploads").resolve("uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
