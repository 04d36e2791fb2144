package com.callvault.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.callvault.gateway.ice.Coturn;
import com.callvault.gateway.testing.PostgresForTests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with its built web client, on a real port, for real Chromium: {@link #runSpec} runs one browser spec
 * of {@code web/e2e} (Vitest driving Chromium through playwright-core) against it and fails when the spec does:
 * {@code node node_modules/vitest/vitest.mjs run --config e2e/vitest.config.ts e2e/<spec>} in {@code web/}, which is
 * {@code npx vitest …} without npx, with {@code BASE_URL}, {@code CHROMIUM_PATH} and {@code ARTIFACTS_DIR} set.
 *
 * <p>A browser's {@code Origin} must equal PUBLIC_URL (WebSocket upgrades and unsafe requests are refused
 * otherwise) and sign-in messages name PUBLIC_URL's host, so the port is chosen before the context starts
 * and PUBLIC_URL is {@code http://localhost:<that port>}, rather than the random port and fixed PUBLIC_URL of
 * {@code GatewayIntegrationTest}. Calls get ICE servers from a real coturn ({@link #TURN}) in TURN REST mode and
 * ring for {@link #RING_TIMEOUT_SECONDS}. Screenshots go to {@code target/browser-artifacts/}. That port is one for
 * every browser test, so each test class closes its app when done ({@link DirtiesContext}): another class may need
 * the app with other settings on the same port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
public abstract class BrowserTest {

    protected static final int PORT = freePort();
    protected static final String BASE_URL = "http://localhost:" + PORT;
    protected static final Path WEB = Path.of("").toAbsolutePath().resolveSibling("web");
    protected static final Path ARTIFACTS = Path.of("target", "browser-artifacts").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final long SPEC_TIMEOUT_MINUTES = 10;
    /**
     * The TURN server of the browser tests, a real coturn in TURN REST mode. Both browsers run on this machine, so
     * their relayed addresses are loopback ones: coturn must relay between loopback peers, which a production coturn
     * never does.
     */
    private static final Coturn TURN = Coturn.startWith("--allow-loopback-peers");
    /** How long calls ring in the browser tests (web/e2e/calls.spec.ts waits it out once, for "no answer"). */
    protected static final int RING_TIMEOUT_SECONDS = 8;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("PUBLIC_URL", () -> BASE_URL);
        registry.add("DATABASE_URL", PostgresForTests::databaseUrl);
        registry.add("UPLOADS_DIR", () -> Path.of("target", "browser-uploads").toAbsolutePath().toString());
        registry.add("LOG_FORMAT", () -> "");
        // calls: TURN REST credentials for a real coturn (relay-only calls), a short ring for the no-answer case
        registry.add("TURN_MODE", () -> "rest");
        registry.add("TURN_SECRET", () -> TURN.currentSecret());
        registry.add("TURN_URLS", () -> TURN.turnUrls());
        registry.add("CALL_RING_TIMEOUT", () -> RING_TIMEOUT_SECONDS + "s");
    }

    /** Runs {@code web/e2e/<spec>} and asserts that every test in it passed; its output goes to this test's. */
    protected void runSpec(String spec) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need Chromium at " + CHROMIUM + ": install it (Debian/Ubuntu: apt-get install -y chromium) "
                + "or point CHROMIUM_PATH at a Chromium or Chrome binary");
        }
        assertThat(WEB.resolve("node_modules/playwright-core")).as("web/node_modules: run the web module's build (npm ci) first").isDirectory();
        Files.createDirectories(ARTIFACTS);
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "node_modules/vitest/vitest.mjs", "run", "--config", "e2e/vitest.config.ts", "e2e/" + spec))
            .directory(WEB.toFile())
            .redirectErrorStream(true);
        builder.environment().put("BASE_URL", BASE_URL);
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        builder.environment().put("ARTIFACTS_DIR", ARTIFACTS.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("RING_TIMEOUT_SECONDS", String.valueOf(RING_TIMEOUT_SECONDS));
        Process process = builder.start();
        Thread copier = Thread.ofVirtual().start(() -> copyLines(process));
        if (!process.waitFor(SPEC_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("The browser spec " + spec + " did not finish within " + SPEC_TIMEOUT_MINUTES + " minutes");
        }
        copier.join(5_000);
        assertThat(process.exitValue()).as("exit code of the browser spec %s (its output is above)", spec).isZero();
    }

    private static void copyLines(Process process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> System.out.println("[browser] " + line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the browser tests", e);
        }
    }
}
