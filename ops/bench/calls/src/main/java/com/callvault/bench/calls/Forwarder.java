package com.callvault.bench.calls;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The bare baseline: a plain WebSocket forwarder on the app's runtime (Reactor Netty, Netty with epoll, the
 * same JVM and flags), with none of the app: no auth, no JSON, no call checks. {@code /ws?pair=P&side=a|b}
 * names the socket; every text frame it sends goes unchanged to the socket {@code pair=P} of the other side,
 * if open. Like the app, each socket has one outbound queue drained by its event loop, a frame is received as a
 * String and sent as one, and the socket first gets a {@code hello} frame. {@code GET /health} answers UP.
 * Run as its own process: {@code java [the app's JVM flags] -cp calls-bench.jar com.callvault.bench.calls.Forwarder --port N}.
 */
public final class Forwarder {

    private static final class Peer {
        private final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();

        synchronized void emit(String text) {
            out.tryEmitNext(text);
        }
    }

    private static final ConcurrentMap<String, Peer> SOCKETS = new ConcurrentHashMap<>();

    private Forwarder() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args.length > 0 && args[0].startsWith("--") ? prepend("forwarder", args) : args);
        int port = (int) options.getLong("port", 8099);
        DisposableServer server = HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(routes -> routes
                .get("/health", (request, response) -> response.sendString(Mono.just("{\"status\":\"UP\"}")))
                .get("/ws", (request, response) -> {
                    Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
                    String pair = first(query, "pair");
                    String side = first(query, "side");
                    if (pair == null || !("a".equals(side) || "b".equals(side))) {
                        return response.status(400).sendString(Mono.just("pair and side (a|b) are required"));
                    }
                    String key = pair + ":" + side;
                    String peerKey = pair + ":" + ("a".equals(side) ? "b" : "a");
                    return response.sendWebsocket((in, out) -> {
                        Peer me = new Peer();
                        SOCKETS.put(key, me);
                        me.emit("{\"type\":\"hello\",\"device\":\"" + key + "\"}");
                        Mono<Void> receive = in.aggregateFrames(Socket.MAX_FRAME_BYTES).receive().asString()
                            .doOnNext(text -> {
                                Peer peer = SOCKETS.get(peerKey);
                                if (peer != null) {
                                    peer.emit(text);
                                }
                            })
                            .then()
                            .doFinally(signal -> {
                                SOCKETS.remove(key, me);
                                me.out.tryEmitComplete();
                            });
                        return Mono.when(out.sendString(me.out.asFlux()).then(), receive);
                    }, WebsocketServerSpec.builder().maxFramePayloadLength(Socket.MAX_FRAME_BYTES).build());
                }))
            .bindNow();
        System.out.println("bare forwarder listening on 127.0.0.1:" + server.port() + " (pid " + ProcessHandle.current().pid() + ")");
        server.onDispose().block();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
