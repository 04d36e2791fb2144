package com.callvault.gateway.ice;

import static org.awaitility.Awaitility.await;

import com.callvault.gateway.ice.stun.StunClient;
import com.callvault.gateway.ice.stun.TcpTransport;
import com.callvault.gateway.ice.stun.UdpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn ({@code /usr/bin/turnserver} from the Debian package) for the whole test JVM, started as a child
 * process on free loopback ports in TURN REST mode ({@code use-auth-secret}) with two random secrets, the current one
 * and a previous one, as during a rotation. Its output goes to {@code target/coturn-<port>.log}. A missing coturn
 * fails the tests that need it: install it with {@code apt-get install coturn} ({@code .ci/run} does). Tests that stop
 * and start a coturn, or need TLS, start their own ({@link #start(TestCertificate, String)}).
 */
public final class Coturn {

    static final Path BINARY = Path.of("/usr/bin/turnserver");
    static final String REALM = "callvault.test";
    static final int RELAY_PORTS = 40;

    private static Coturn shared;

    final String secret;
    final String previousSecret;
    final int port;
    /** The TLS port ({@code turns:}), or -1 without TLS. */
    final int tlsPort;
    final int minRelayPort;
    final int maxRelayPort;
    final Path log;
    private final List<String> command;
    private Process process;

    private Coturn(String secret, String previousSecret, int port, int tlsPort, int minRelayPort, Path log, List<String> command) {
        this.secret = secret;
        this.previousSecret = previousSecret;
        this.port = port;
        this.tlsPort = tlsPort;
        this.minRelayPort = minRelayPort;
        this.maxRelayPort = minRelayPort + RELAY_PORTS - 1;
        this.log = log;
        this.command = command;
    }

    static synchronized Coturn shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static Coturn start() {
        return start(null, null);
    }

    /**
     * Another coturn of its own (stop it when done), with TLS on a port of its own when {@code tls} (a certificate and
     * its key, PEM) is given, and {@code secret} as its current secret (null: a random one).
     */
    static Coturn start(TestCertificate tls, String secret) {
        return start(tls, secret, List.of());
    }

    /** A coturn of its own without TLS, with these extra command-line options (e.g. {@code --allow-loopback-peers}). */
    public static Coturn startWith(String... options) {
        return start(null, null, List.of(options));
    }

    /** The current TURN REST secret ({@code TURN_SECRET} for the app). */
    public String currentSecret() {
        return secret;
    }

    /** {@code TURN_URLS} for the app: UDP and TCP to this coturn. */
    public String turnUrls() {
        return turnUri("udp") + "," + turnUri("tcp");
    }

    private static Coturn start(TestCertificate tls, String secret, List<String> options) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("coturn is not installed (" + BINARY + " is missing): install coturn (apt-get install coturn)");
        }
        try {
            Path work = Files.createTempDirectory("callvault-coturn");
            int port = freeTcpAndUdpPort();
            int tlsPort = tls == null ? -1 : freeTcpAndUdpPort();
            int minRelayPort = freeUdpRange(RELAY_PORTS);
            Path log = Files.createDirectories(Path.of("target")).resolve("coturn-" + port + ".log").toAbsolutePath();
            String current = secret == null ? randomSecret() : secret;
            String previous = randomSecret();
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-n",
                "--use-auth-secret", "--static-auth-secret=" + current, "--static-auth-secret=" + previous, "--realm=" + REALM,
                "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                "--min-port=" + minRelayPort, "--max-port=" + (minRelayPort + RELAY_PORTS - 1),
                "--no-cli", "--no-dtls", "--no-multicast-peers", "--no-rfc5780",
                "--log-file=stdout", "--simple-log", "--pidfile=" + work.resolve("turnserver.pid"), "--db=" + work.resolve("turndb")));
            command.addAll(options);
            if (tls == null) {
                command.add("--no-tls");
            } else {
                command.addAll(List.of("--tls-listening-port=" + tlsPort, "--cert=" + tls.certificate(), "--pkey=" + tls.key()));
            }
            Coturn coturn = new Coturn(current, previous, port, tlsPort, minRelayPort, log, List.copyOf(command));
            Runtime.getRuntime().addShutdownHook(new Thread(coturn::stop));
            coturn.restart();
            return coturn;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start coturn", e);
        }
    }

    /** Starts this coturn (again, after {@link #stop()}) on the same ports, with the same secrets; returns once it answers. */
    synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start coturn", e);
        }
        awaitListening();
    }

    String turnUri(String transport) {
        return "turn:127.0.0.1:" + port + "?transport=" + transport;
    }

    /** Until a STUN Binding is answered over UDP and over TCP; fails at once if coturn exits. */
    private void awaitListening() {
        StunClient quick = new StunClient(Duration.ofMillis(100), 2, Duration.ofMillis(300));
        await("coturn answering STUN on 127.0.0.1:" + port + " (log: " + log + ")")
            .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .failFast("coturn exited; its output is in " + log, () -> !process.isAlive())
            .ignoreExceptions()
            .until(() -> {
                try (UdpTransport udp = UdpTransport.open(address()); TcpTransport tcp = TcpTransport.connect(address(), Duration.ofMillis(300))) {
                    return quick.binding(udp) != null && quick.binding(tcp) != null && tlsListening();
                }
            });
    }

    private boolean tlsListening() throws IOException {
        if (tlsPort < 0) {
            return true;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), 300);
            return true;
        }
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freeTcpAndUdpPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                if (udpFree(port)) {
                    return port;
                }
            }
        }
        throw new IOException("no free port for coturn");
    }

    /** The first of {@code count} consecutive free UDP ports below the kernel's ephemeral range (32768 and up). */
    private static int freeUdpRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000 - count);
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
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
