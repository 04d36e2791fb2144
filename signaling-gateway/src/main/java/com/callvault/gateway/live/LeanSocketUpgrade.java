package com.callvault.gateway.live;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.CollectionUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.util.context.Context;

/**
 * Upgrades a request to a WebSocket on Reactor Netty, keeping for the socket's life only what its handler reads. An
 * idle socket lives for hours; Spring's own strategy keeps the whole upgrade request with it:
 * <ul>
 *   <li>the handler runs in the Reactor context of the upgrade request — the exchange, its attributes and observation
 *       context, Spring Security's context — which Reactor Netty holds for as long as the socket is open;</li>
 *   <li>the session's {@link HandshakeInfo} holds a copy of every request header, the cookies, and a principal that
 *       can only be resolved in that context;</li>
 *   <li>a checkpoint with the request URI wraps the handler.</li>
 * </ul>
 * Here the principal is resolved during the upgrade, in the request's context; the handler then runs in an empty
 * context with a handshake of URI, principal, sub-protocol, remote address and log prefix (no headers or cookies),
 * and the principal also in the session's attributes ({@link #PRINCIPAL}), to be read without subscribing. The
 * request's and the handshake response's headers are cleared once the socket is open. Spring's handshake info (the
 * {@code handshakeInfoFactory}) is never made. All of it was almost half of an idle socket's heap (ops/bench/calls).
 */
final class LeanSocketUpgrade implements RequestUpgradeStrategy {

    /** The session attribute with the principal resolved at the upgrade (absent when there is none). */
    static final String PRINCIPAL = LeanSocketUpgrade.class.getName() + ".principal";

    private static final MultiValueMap<String, HttpCookie> NO_COOKIES = CollectionUtils.toMultiValueMap(Map.of());

    private final Supplier<WebsocketServerSpec.Builder> spec;

    LeanSocketUpgrade(Supplier<WebsocketServerSpec.Builder> spec) {
        this.spec = spec;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
                              Supplier<HandshakeInfo> handshakeInfoFactory) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(principal -> {
            Map<String, Object> attributes = principal.<Map<String, Object>>map(p -> Map.of(PRINCIPAL, p)).orElse(Map.of());
            HandshakeInfo handshake = new HandshakeInfo(request.getURI(), HttpHeaders.EMPTY, NO_COOKIES,
                Mono.justOrEmpty(principal), subProtocol, request.getRemoteAddress(), attributes, exchange.getLogPrefix());
            WebsocketServerSpec socketSpec = spec(subProtocol);
            // the response's pre-commit actions (e.g. security headers) run first, as with Spring's own strategy
            return response.setComplete().then(Mono.defer(() -> nativeResponse.sendWebsocket((in, out) -> {
                    forgetHttpHeaders(in, out);
                    return handler.handle(new Session(in, out, handshake, buffers, socketSpec.maxFramePayloadLength()));
                }, socketSpec)
                // Reactor Netty subscribes the handler with the context of this Mono's subscriber, and keeps it
                .contextWrite(context -> Context.empty())));
        });
    }

    /**
     * The socket is open, the handshake answered: Reactor Netty keeps the upgrade's request and response for the socket's
     * life, and nothing reads their headers any more. Their entries (the session token among them) go.
     */
    private static void forgetHttpHeaders(WebsocketInbound in, WebsocketOutbound out) {
        in.headers().clear();
        if (out instanceof HttpServerResponse response) {
            response.responseHeaders().clear();
        }
    }

    /** Spring's session of a Reactor Netty socket, which also lets its handler read and write the socket directly. */
    static final class Session extends ReactorNettyWebSocketSession {

        Session(WebsocketInbound in, WebsocketOutbound out, HandshakeInfo handshake, NettyDataBufferFactory buffers, int maxFramePayloadLength) {
            super(in, out, handshake, buffers, maxFramePayloadLength);
        }

        WebsocketInbound inbound() {
            return getDelegate().getInbound();
        }

        WebsocketOutbound outbound() {
            return getDelegate().getOutbound();
        }
    }

    private WebsocketServerSpec spec(@Nullable String subProtocol) {
        WebsocketServerSpec.Builder builder = spec.get();
        if (subProtocol != null) {
            builder.protocols(subProtocol);
        }
        return builder.build();
    }
}
