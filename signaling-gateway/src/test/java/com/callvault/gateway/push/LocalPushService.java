package com.callvault.gateway.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service on this machine (RFC 8030's receiving end): it takes what the server sends to a subscription's
 * endpoint, records it, and answers as told per device (201 unless scripted otherwise; a scripted {@link #CLOSE}
 * drops the connection without an answer). Each {@link Device} holds the browser's keys and decrypts its pushes.
 */
final class LocalPushService implements AutoCloseable {

    static final int CLOSE = -1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One request as it arrived; header names in lower case. */
    record Received(String path, Map<String, String> headers, byte[] body, int answeredWith) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A scripted answer. */
    record Answer(int status, String retryAfter) {
    }

    /** A browser's push subscription at this service: its endpoint and keys. */
    final class Device {

        final String path;
        final KeyPair keys;
        final byte[] auth = new byte[16];

        private Device(String path) throws Exception {
            this.path = path;
            this.keys = Rfc8291.newKeyPair();
            RANDOM.nextBytes(auth);
        }

        String endpoint() {
            return origin() + path;
        }

        String p256dh() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Rfc8291.encode(keys.getPublic()));
        }

        /** The JSON of the browser's {@code PushSubscription}. */
        Map<String, Object> subscription() {
            var json = new java.util.LinkedHashMap<String, Object>();
            json.put("endpoint", endpoint());
            json.put("expirationTime", null);
            json.put("keys",
                Map.of("p256dh", p256dh(), "auth", Base64.getUrlEncoder().withoutPadding().encodeToString(auth)));
            return json;
        }

        /** Every request sent to this device, whatever it was answered. */
        List<Received> received() {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }

        /** The requests answered 2xx. */
        List<Received> delivered() {
            return received().stream().filter(r -> r.answeredWith() >= 200 && r.answeredWith() < 300).toList();
        }

        Map<String, Object> decrypt(Received push) throws Exception {
            byte[] plaintext = Rfc8291.decrypt(push.body(), keys.getPrivate(), Rfc8291.encode(keys.getPublic()), auth);
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = JSON.readValue(plaintext, Map.class);
            return payload;
        }

        /** The next requests are answered so, in order; then 201 again. */
        void answer(Answer... answers) {
            Deque<Answer> queue = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
            synchronized (queue) {
                queue.addAll(List.of(answers));
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    private LocalPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/push/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static LocalPushService start() {
        try {
            return new LocalPushService();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Device newDevice() {
        try {
            byte[] id = new byte[12];
            RANDOM.nextBytes(id);
            return new Device("/push/" + Base64.getUrlEncoder().withoutPadding().encodeToString(id));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<Received> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String path = exchange.getRequestURI().getPath();
        Answer answer = next(path);
        requests.add(new Received(path, headers, body, answer.status()));
        if (answer.status() == CLOSE) {
            // an exception out of the handler makes the JDK server drop the connection without an answer
            throw new IOException("closing the connection without an answer, as scripted");
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    private Answer next(String path) {
        Deque<Answer> queue = scripts.get(path);
        if (queue != null) {
            synchronized (queue) {
                Answer scripted = queue.poll();
                if (scripted != null) {
                    return scripted;
                }
            }
        }
        return new Answer(201, null);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
