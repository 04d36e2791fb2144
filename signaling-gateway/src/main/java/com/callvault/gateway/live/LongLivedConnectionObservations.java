package com.callvault.gateway.live;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * The upgrade requests of {@code /ws} and {@code /rsocket} are not observed as HTTP requests. Such a "request" lasts
 * as long as its socket, so its duration says nothing, and its observation (context, tags, the request's headers)
 * would stay in memory for the socket's whole life: about a third of what an idle socket costs. Sockets have
 * their own measures (open connections, frames, closes).
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
