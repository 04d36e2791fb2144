package com.callvault.bench.calls;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The push side of the push benchmark: a push service on this machine that takes what the app sends (201, as a real
 * one answers; the body is read, not decrypted), the subscriptions that point at it, and a message sender whose
 * messages to people with no socket open make the app push (one push per subscription of the recipient).
 * <p>The push service stands in for one across the internet, which would take no CPU from this machine: its threads (the
 * server's dispatcher and its handlers) run at the lowest priority, nice 19, so that receiving pushes does not hold up
 * this process's signaling sockets, whose receive times are the measurement.
 */
final class PushLoad implements AutoCloseable {

    private final HttpServer server;
    final AtomicLong received = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    private volatile boolean sending;
    private Thread sender;

    private PushLoad(HttpServer server) {
        this.server = server;
    }

    static PushLoad start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        PushLoad load = new PushLoad(server);
        server.createContext("/push/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                long length = body.readAllBytes().length;
                boolean wellFormed = "POST".equals(exchange.getRequestMethod())
                    && "aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    && String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).startsWith("vapid t=")
                    && exchange.getRequestHeaders().getFirst("TTL") != null;
                if (!wellFormed) {
                    load.malformed.incrementAndGet();
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                load.received.incrementAndGet();
                load.bytes.addAndGet(length);
                exchange.getResponseHeaders().add("Location", exchange.getRequestURI().getPath() + "/m");
                exchange.sendResponseHeaders(201, -1);
            }
        });
        AtomicInteger handlers = new AtomicInteger();
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(() -> {
                lowestPriority(Path.of("/proc/thread-self"));
                task.run();
            }, "push-service-" + handlers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        int dispatchers = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).strip().equals("HTTP-Dispatcher")) {
                    lowestPriority(task);
                    dispatchers++;
                }
            }
        }
        if (dispatchers == 0) {
            throw new IllegalStateException("the push service's dispatcher thread (HTTP-Dispatcher) was not found to lower its priority");
        }
        return load;
    }

    /** {@code renice} of the thread at {@code /proc/.../task/<tid>} (or {@code /proc/thread-self}) to 19. */
    private static void lowestPriority(Path task) {
        try {
            Path resolved = Files.isSymbolicLink(task) ? Files.readSymbolicLink(task) : task;
            Process renice = new ProcessBuilder("renice", "-n", "19", "-p", resolved.getFileName().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor() != 0) {
                throw new IllegalStateException("renice of the push service's thread " + resolved + " exited with " + renice.exitValue());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String endpoint(String device) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/push/" + device;
    }

    /** A browser's subscription JSON at {@link #endpoint}: a fresh P-256 key and auth secret, as a browser makes them. */
    Map<String, Object> subscription(String device) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            copy(key.getW().getAffineX().toByteArray(), point, 1);
            copy(key.getW().getAffineY().toByteArray(), point, 33);
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("endpoint", endpoint(device));
            json.put("expirationTime", null);
            json.put("keys", Map.of("p256dh", b64.encodeToString(point), "auth", b64.encodeToString(auth)));
            return json;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A coordinate as 32 bytes, big-endian (BigInteger adds a sign byte or drops leading zeros). */
    private static void copy(byte[] coordinate, byte[] into, int at) {
        int length = Math.min(32, coordinate.length);
        System.arraycopy(coordinate, coordinate.length - length, into, at + 32 - length, length);
    }

    /** A conversation of {@code sender} with someone, to send into. */
    record Conversation(Api.Session sender, String id) {
    }

    /** Sends {@code perSecond} messages, open loop, round-robin over {@code conversations}, until {@link #stopSending}. */
    void startSending(Api api, List<Conversation> conversations, double perSecond) {
        sending = true;
        long period = Math.round(1e9 / perSecond);
        sender = Thread.ofPlatform().name("push-bench-sender").start(() -> {
            long start = System.nanoTime();
            for (long i = 0; sending; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Conversation c = conversations.get((int) (i % conversations.size()));
                sent.incrementAndGet();
                api.sendMessage(c.sender(), c.id(), UUID.randomUUID().toString(), "Benchmark message " + i + ": are you there?")
                    .whenComplete((status, error) -> {
                        if (error != null || status == null || status >= 300) {
                            sendFailures.incrementAndGet();
                        }
                    });
            }
        });
    }

    void stopSending() throws InterruptedException {
        sending = false;
        if (sender != null) {
            sender.join();
        }
    }

    @Override
    public void close() {
        sending = false;
        server.stop(0);
    }
}
