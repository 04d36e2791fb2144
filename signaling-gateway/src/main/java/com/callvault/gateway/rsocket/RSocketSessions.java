package com.callvault.gateway.rsocket;

import com.callvault.gateway.auth.SessionResolver;
import com.callvault.gateway.auth.SignedInUser;
import com.callvault.gateway.problem.ApiProblem;
import io.rsocket.exceptions.RejectedSetupException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.annotation.ConnectMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * RSocket connections authenticate once, in the SETUP frame: its data is {@code {"token": "<session token>"}}
 * (the bearer token from sign-in). RSocket over WebSocket bypasses the HTTP filter chain, and a browser cannot
 * add headers to it, so the token travels in the protocol itself; with no ambient credential there is nothing
 * for another site to ride on. A connection without a valid session is rejected.
 */
@Controller
class RSocketSessions {

    private final SessionResolver sessions;
    private final Map<RSocketRequester, SignedInUser> users = new ConcurrentHashMap<>();

    RSocketSessions(SessionResolver sessions) {
        this.sessions = sessions;
    }

    @ConnectMapping
    Mono<Void> connect(@Payload(required = false) Map<String, Object> setup, RSocketRequester requester) {
        Object token = setup == null ? null : setup.get("token");
        if (!(token instanceof String value) || value.isBlank()) {
            return Mono.error(new RejectedSetupException("not-signed-in: send {\"token\": \"<session token>\"} as SETUP data"));
        }
        return sessions.resolve(value)
            .switchIfEmpty(Mono.error(() -> new RejectedSetupException("session-ended: the session is unknown, has expired or was signed out")))
            .doOnNext(user -> {
                users.put(requester, user);
                if (requester.rsocket() != null) {
                    requester.rsocket().onClose().doFinally(signal -> users.remove(requester)).subscribe();
                }
            })
            .then();
    }

    SignedInUser user(RSocketRequester requester) {
        SignedInUser user = users.get(requester);
        if (user == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "not-signed-in", "Not signed in", "This connection has no session");
        }
        return user;
    }
}
