package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.util.context.Context;

/**
 * What a socket keeps of its upgrade request: the principal, resolved in the request's context, and the URI; not the
 * request's headers, not the response's, not the request's Reactor context. A real Reactor Netty server and client.
 */
class LeanSocketUpgradeTest {

    /** What the handler saw once the socket was open. */
    private record Seen(Object principalAttribute, Principal handshakePrincipal, String device, boolean handshakeHeadersEmpty,
                        boolean requestHeadersEmpty, boolean responseHeadersEmpty, boolean contextEmpty) {
    }

    private final CompletableFuture<Seen> seen = new CompletableFuture<>();
    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    private Mono<Void> probe(WebSocketSession session) {
        LeanSocketUpgrade.Session socket = (LeanSocketUpgrade.Session) session;
        return Mono.deferContextual(context -> session.getHandshakeInfo().getPrincipal().doOnNext(principal -> seen.complete(new Seen(
                session.getAttributes().get(LeanSocketUpgrade.PRINCIPAL), principal,
                session.getHandshakeInfo().getUri().getQuery(), session.getHandshakeInfo().getHeaders().isEmpty(),
                socket.inbound().headers().isEmpty(), ((HttpServerResponse) socket.outbound()).responseHeaders().isEmpty(),
                context.isEmpty()))))
            .then(session.send(Mono.just(session.textMessage("open"))));
    }

    @Test
    void the_handler_gets_the_principal_and_the_uri_and_nothing_else_of_the_upgrade_request() throws Exception {
        Principal alice = () -> "alice";
        var service = new HandshakeWebSocketService(new LeanSocketUpgrade(WebsocketServerSpec::builder));
        var app = WebHttpHandlerBuilder.webHandler(exchange -> service.handleRequest(exchange, this::probe))
            // as Spring Security does: the principal in the exchange, resolved from the request's Reactor context
            .filter((exchange, chain) -> {
                exchange.getResponse().getHeaders().add("X-Content-Type-Options", "nosniff");
                return chain.filter(exchange.mutate().principal(Mono.deferContextual(context -> Mono.just(context.<Principal>get("user")))).build())
                    .contextWrite(Context.of("user", alice));
            })
            .build();
        server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(app)).bindNow();

        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("a-session-token");
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + server.port() + "/ws?device=tab-1"), headers, session ->
                session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(firstFrame::complete).take(1).then())
            .subscribe();

        assertThat(firstFrame.get(10, TimeUnit.SECONDS)).isEqualTo("open");
        Seen handler = seen.get(10, TimeUnit.SECONDS);
        assertThat(handler.principalAttribute()).isSameAs(alice);
        assertThat(handler.handshakePrincipal()).isSameAs(alice);
        assertThat(handler.device()).isEqualTo("device=tab-1");
        assertThat(handler.handshakeHeadersEmpty()).isTrue();
        assertThat(handler.requestHeadersEmpty()).isTrue();
        assertThat(handler.responseHeadersEmpty()).isTrue();
        assertThat(handler.contextEmpty()).isTrue();
    }

    @Test
    void without_a_principal_the_socket_opens_with_none() throws Exception {
        var service = new HandshakeWebSocketService(new LeanSocketUpgrade(WebsocketServerSpec::builder));
        CompletableFuture<Boolean> principalAbsent = new CompletableFuture<>();
        var app = WebHttpHandlerBuilder.webHandler(exchange -> service.handleRequest(exchange, session -> {
            principalAbsent.complete(!session.getAttributes().containsKey(LeanSocketUpgrade.PRINCIPAL));
            return session.getHandshakeInfo().getPrincipal().hasElement()
                .flatMap(has -> session.send(Mono.just(session.textMessage(has ? "principal" : "none"))));
        })).build();
        server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(app)).bindNow();

        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), session ->
                session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(firstFrame::complete).take(1).then())
            .subscribe();

        assertThat(firstFrame.get(10, TimeUnit.SECONDS)).isEqualTo("none");
        assertThat(principalAbsent.get(1, TimeUnit.SECONDS)).isTrue();
    }
}
