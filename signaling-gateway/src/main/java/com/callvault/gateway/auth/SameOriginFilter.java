package com.callvault.gateway.auth;

import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.problem.ProblemWriter;
import com.callvault.gateway.settings.PublicUrl;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses state-changing requests and WebSocket upgrades that a browser sent from another site. Browsers
 * always send {@code Origin} on them; clients without it (scripts with a bearer token) are not browsers and
 * carry no ambient cookie risk. Works with the SameSite cookie as defence in depth against CSRF and
 * cross-site WebSocket hijacking.
 */
class SameOriginFilter implements WebFilter {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final PublicUrl publicUrl;
    private final ProblemWriter problems;

    SameOriginFilter(PublicUrl publicUrl, ProblemWriter problems) {
        this.publicUrl = publicUrl;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
        boolean upgrade = "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade());
        boolean guarded = upgrade || !SAFE.contains(exchange.getRequest().getMethod());
        if (origin == null || !guarded || origin.equalsIgnoreCase(publicUrl.origin())) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, new ApiProblem(HttpStatus.FORBIDDEN, "origin-not-allowed", "Origin not allowed",
            "Requests from " + origin + " are not accepted; this server is " + publicUrl.origin()));
    }
}
