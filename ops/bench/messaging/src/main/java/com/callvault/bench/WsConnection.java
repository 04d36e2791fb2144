package com.callvault.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * One WebSocket to {@code /ws} (JDK client): bearer token and {@code Origin} on the upgrade, waits for
 * {@code hello}, stamps every received frame with {@link System#nanoTime()} before parsing it and hands it to
 * the current {@link FrameHandler}. Sending is serialized (the JDK allows one outstanding send).
 */
final class WsConnection implements WebSocket.Listener, AutoCloseable {

    /** Called on the client's thread for every text frame, in order. */
    interface FrameHandler {
        void onFrame(WsConnection connection, JsonNode frame, long receivedNanos);
    }

    private static final FrameHandler IGNORE = (connection, frame, at) -> { };

    private final String name;
    private final StringBuilder partial = new StringBuilder();
    private final CountDownLatch hello = new CountDownLatch(1);
    private final AtomicLong framesReceived = new AtomicLong();
    private volatile FrameHandler handler = IGNORE;
    private volatile String closeReason;
    private WebSocket socket;

    private WsConnection(String name) {
        this.name = name;
    }

    static WsConnection open(HttpClient http, URI uri, String name, String token, String origin) {
        WsConnection connection = new WsConnection(name);
        try {
            connection.socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .header("Origin", origin)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, connection)
                .get(15, TimeUnit.SECONDS);
            if (!connection.hello.await(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no hello frame on the socket of " + name + " (" + connection.closeReason + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not open the WebSocket of " + name + " at " + uri + ": " + e, e);
        }
        return connection;
    }

    String name() {
        return name;
    }

    void handler(FrameHandler handler) {
        this.handler = handler == null ? IGNORE : handler;
    }

    long framesReceived() {
        return framesReceived.get();
    }

    /** Null while open, else why it closed. */
    String closeReason() {
        return closeReason;
    }

    /** Sends one text frame; returns once the JDK has written it. Thread-safe (sends are serialized). */
    synchronized void send(String text) {
        if (closeReason != null) {
            throw new IllegalStateException("the socket of " + name + " is closed: " + closeReason);
        }
        socket.sendText(text, true).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        try {
            if (!last) {
                partial.append(data);
                return null;
            }
            long at = System.nanoTime();
            String text;
            if (partial.isEmpty()) {
                text = data.toString();
            } else {
                text = partial.append(data).toString();
                partial.setLength(0);
            }
            framesReceived.incrementAndGet();
            JsonNode frame = Json.parse(text);
            if ("hello".equals(frame.path("type").asString(""))) {
                hello.countDown();
            }
            handler.onFrame(this, frame, at);
            return null;
        } catch (RuntimeException e) {
            System.err.println("[" + name + "] frame handler failed: " + e);
            return null;
        } finally {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = statusCode + " " + reason;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason = "error: " + error;
    }

    @Override
    public void close() {
        if (socket != null && closeReason == null) {
            try {
                synchronized (this) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark done").get(2, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // closing is best effort
            }
            socket.abort();
        }
        if (closeReason == null) {
            closeReason = "closed by the benchmark";
        }
    }
}
