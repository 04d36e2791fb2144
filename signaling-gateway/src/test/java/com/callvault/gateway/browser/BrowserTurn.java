package com.callvault.gateway.browser;

import static org.awaitility.Awaitility.await;

import com.callvault.gateway.ice.stun.StunClient;
import com.callvault.gateway.ice.stun.UdpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The TURN server of the browser tests: a real coturn ({@code /usr/bin/turnserver}) in TURN REST mode
 * ({@code use-auth-secret}) on a free loopback port, started once per test JVM. Both browsers run on this machine,
 * so their relayed addresses are loopback ones: coturn must be told to relay between loopback peers
 * ({@code --allow-loopback-peers}), which a production coturn never is. Its log is {@code target/coturn-browser-<port>.log}.
 */
final class BrowserTurn {

    private static final Path BINARY = Path.of("/usr/bin/turnserver");
    private static final int RELAY_PORTS = 40;
    private static BrowserTurn shared;

    final String secret;
    final int port;
    final Path log;
    private final Process process;

    private BrowserTurn(String secret, int port, Path log, Process process) {
        this.secret = secret;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static synchronized BrowserTurn shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** {@code TURN_URLS} for the app: UDP and TCP to this coturn. */
    String urls() {
        return "turn:127.0.0.1:" + port + "?transport=udp,turn:127.0.0.1:" + port + "?transport=tcp";
    }

    private static BrowserTurn start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("coturn is not installed (" + BINARY + " is missing): install coturn (apt-get install coturn)");
        }
        try {
            Path work = Files.createTempDirectory("callvault-browser-coturn");
            int port = freePort();
            int minRelayPort = relayRange();
            Path log = Files.createDirectories(Path.of("target")).resolve("coturn-browser-" + port + ".log").toAbsolutePath();
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            List<String> command = List.of(BINARY.toString(), "-n",
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=callvault.browser.test",
                "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                "--min-port=" + minRelayPort, "--max-port=" + (minRelayPort + RELAY_PORTS - 1),
                "--allow-loopback-peers", "--no-cli", "--no-tls", "--no-dtls", "--no-multicast-peers", "--no-rfc5780",
                "--log-file=stdout", "--simple-log", "--pidfile=" + work.resolve("turnserver.pid"), "--db=" + work.resolve("turndb"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            BrowserTurn turn = new BrowserTurn(secret, port, log, process);
            Runtime.getRuntime().addShutdownHook(new Thread(turn::stop));
            StunClient quick = new StunClient(Duration.ofMillis(100), 2, Duration.ofMillis(300));
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            await("coturn answering STUN on 127.0.0.1:" + port + " (log: " + log + ")")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .failFast("coturn exited; its output is in " + log, () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> {
                    try (UdpTransport udp = UdpTransport.open(address)) {
                        return quick.binding(udp) != null;
                    }
                });
            return turn;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start coturn for the browser tests", e);
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port free for TCP and UDP on loopback. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (udpFree(tcp.getLocalPort())) {
                    return tcp.getLocalPort();
                }
            }
        }
        throw new IOException("no free port for coturn");
    }

    /** Consecutive free UDP ports below the kernel's ephemeral range, for the relays. */
    private static int relayRange() throws IOException {
        for (int base = 31_000; base > 20_000; base -= 97) {
            boolean free = true;
            for (int port = base; port < base + RELAY_PORTS && free; port++) {
                free = udpFree(port);
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free UDP port range for coturn's relays");
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
