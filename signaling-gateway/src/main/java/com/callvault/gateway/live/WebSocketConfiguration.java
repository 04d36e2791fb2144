package com.callvault.gateway.live;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import reactor.netty.http.server.WebsocketServerSpec;

@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    /** The transport closes frames beyond this (1009); frames beyond {@code FrameCodec.MAX_FRAME_CHARS} get an error frame. */
    static final int MAX_TRANSPORT_FRAME_BYTES = 1024 * 1024;

    @Bean
    HandlerMapping webSocketMapping(ChatWebSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws", handler), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter() {
        var strategy = new LeanSocketUpgrade(() -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_TRANSPORT_FRAME_BYTES));
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(strategy));
    }
}
