package com.callvault.gateway.auth;

import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns a session token (bearer header or cookie) into the request's {@link SignedInUser}. A request with
 * no token, or one that is unknown, expired or signed out, goes on anonymous: public pages stay reachable
 * and protected ones answer 401 (the entry point tells "session ended" from "not signed in").
 */
class SessionAuthenticationFilter implements WebFilter {

    static final String REJECTED_TOKEN = SessionAuthenticationFilter.class.getName() + ".rejected";

    private final SessionCookie cookie;
    private final SessionResolver sessions;

    SessionAuthenticationFilter(SessionCookie cookie, SessionResolver sessions) {
        this.cookie = cookie;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> token = cookie.token(exchange.getRequest());
        if (token.isEmpty()) {
            return chain.filter(exchange);
        }
        return sessions.resolve(token.get())
            .map(user -> new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))).toList()))
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(auth -> {
                if (auth.isEmpty()) {
                    exchange.getAttributes().put(REJECTED_TOKEN, Boolean.TRUE);
                    return chain.filter(exchange);
                }
                return chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(auth.get()));
            });
    }
}
