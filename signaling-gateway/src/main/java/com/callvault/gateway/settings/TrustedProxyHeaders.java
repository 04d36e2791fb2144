package com.callvault.gateway.settings;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Forwarded headers from a proxy the operator vouches for ({@code TRUST_PROXY=true}): they rewrite each request's
 * scheme, host and client address and are then removed. One request is left as it came:
 * {@code GET /api/admin/diagnostics} shows an admin the headers the proxy sent and works out the same rewrite itself,
 * which it could not do once they are gone.
 */
public final class TrustedProxyHeaders extends ForwardedHeaderTransformer {

    public static final String DIAGNOSTICS_PATH = "/api/admin/diagnostics";

    @Override
    public ServerHttpRequest apply(ServerHttpRequest request) {
        if (request.getPath().value().equals(DIAGNOSTICS_PATH)) {
            return request;
        }
        return super.apply(request);
    }
}
