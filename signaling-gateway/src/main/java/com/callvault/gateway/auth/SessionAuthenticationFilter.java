package com.callvault.gateway.auth;

import com.callvault.query.identity.FindUser;
import com.callvault.query.identity.UserView;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
    private final SessionStore sessions;
    private final QueryGateway queries;

    SessionAuthenticationFilter(SessionCookie cookie, SessionStore sessions, QueryGateway queries) {
        this.cookie = cookie;
        this.sessions = sessions;
        this.queries = queries;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> token = cookie.token(exchange.getRequest());
        if (token.isEmpty()) {
            return chain.filter(exchange);
        }
        return sessions.find(token.get())
            .flatMap(session -> roles(session.address()).map(roles -> new SignedInUser(session.address(), session.sessionId(), roles)))
            .map(user -> new UsernamePasswordAuthenticationToken(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT))).toList()))
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

    /** Roles come from the user directory; right after a first sign-in it may not have caught up: then just "user". */
    private Mono<List<String>> roles(String address) {
        return Mono.fromFuture(() -> queries.query(new FindUser(address), ResponseTypes.optionalInstanceOf(UserView.class)))
            .map(view -> view.map(UserView::roles).orElse(List.of("user")));
    }
}
