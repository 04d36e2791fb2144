package com.callvault.gateway.live;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * The upgrade requests of {@code /ws} and {@code /rsocket} are not observed as HTTP requests: their duration says
 * nothing about the socket that follows, and an observation's context (tags, the request's headers) is memory that
 * {@link LeanSocketUpgrade} would otherwise have to let go of. Sockets have their own measures (open connections,
 * frames, closes).
 */
@Configuration(proxyBeanMethods = false)
class LongLivedConnectionObservations {

    @Bean
    ObservationPredicate noObservationForSocketUpgrades() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request && isSocket(request));
    }

    private static boolean isSocket(ServerRequestObservationContext request) {
        String path = request.getCarrier().getPath().value();
        return path.equals("/ws") || path.equals("/rsocket");
    }
}
