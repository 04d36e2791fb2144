package com.callvault.bench.calls;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * One WebSocket on the Reactor Netty client (much lighter than a JDK client per socket when there are
 * thousands): optional bearer token and {@code Origin} on the upgrade; open once the server's first frame
 * ({@code hello}) arrived. Every text frame is stamped with {@link System#nanoTime()} on arrival (before any
 * parsing) and handed to the current {@link Handler} on the socket's event-loop thread. Sends are queued on a
 * sink the event loop drains, so any thread may send; they are serialized by this object's lock.
 */
final class Socket {

    /** Called on the socket's event loop for every text frame, in order. */
    interface Handler {
        void onText(Socket socket, String text, long receivedNanos);
    }

    static final int MAX_FRAME_BYTES = 1024 * 1024;
    private static final Handler IGNORE = (socket, text, at) -> { };

    final String name;
    /** What the benchmark hangs on a socket (its pair and side). */
    volatile Object tag;
    private final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
    private final CompletableFuture<Socket> opened = new CompletableFuture<>();
    private final AtomicLong received = new AtomicLong();
    private volatile Handler handler = IGNORE;
    private volatile Connection connection;
    private volatile String closeReason;

    private Socket(String name) {
        this.name = name;
    }

    /** Starts the upgrade; the future completes with the socket when its first frame arrived. */
    static CompletableFuture<Socket> open(HttpClient client, String uri, String token, String origin, String name, Handler handler) {
        Socket socket = new Socket(name);
        socket.handler = handler == null ? IGNORE : handler;
        client
            .headers(headers -> {
                if (token != null) {
                    headers.set("Authorization", "Bearer " + token);
                }
                if (origin != null) {
                    headers.set("Origin", origin);
                }
            })
            .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES).build())
            .uri(uri)
            .handle((in, outbound) -> {
                in.withConnection(c -> socket.connection = c);
                Mono<Void> receive = in.aggregateFrames(MAX_FRAME_BYTES).receiveFrames()
                    .doOnNext(frame -> {
                        if (frame instanceof TextWebSocketFrame text) {
                            long at = System.nanoTime();
                            socket.onText(text.text(), at);
                        }
                    })
                    .then()
                    .doFinally(signal -> socket.out.tryEmitComplete());
                return Mono.when(outbound.sendString(socket.out.asFlux()).then(), receive);
            })
            .subscribe(null, error -> socket.closed("error: " + error), () -> socket.closed("closed"));
        return socket.opened;
    }

    private void onText(String text, long at) {
        received.incrementAndGet();
        if (!opened.isDone()) {
            opened.complete(this);
        }
        try {
            handler.onText(this, text, at);
        } catch (RuntimeException e) {
            System.err.println("[" + name + "] frame handler failed: " + e);
        }
    }

    private void closed(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
        opened.completeExceptionally(new IllegalStateException("the socket " + name + " closed before its first frame: " + reason));
    }

    void handler(Handler handler) {
        this.handler = handler == null ? IGNORE : handler;
    }

    long received() {
        return received.get();
    }

    /** Null while open. */
    String closeReason() {
        return closeReason;
    }

    /** Queues one text frame; false when the socket is closed. */
    synchronized boolean send(String text) {
        return closeReason == null && out.tryEmitNext(text).isSuccess();
    }

    /** Closes the TCP connection (no close handshake: the server sees the channel go inactive). */
    void close() {
        out.tryEmitComplete();
        Connection c = connection;
        if (c != null) {
            c.dispose();
        }
        if (closeReason == null) {
            closeReason = "closed by the benchmark";
        }
    }

    static Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
