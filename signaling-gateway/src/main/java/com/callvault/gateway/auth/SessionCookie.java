package com.callvault.gateway.auth;

import com.callvault.gateway.settings.CallVaultProperties;
import com.callvault.gateway.settings.PublicUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Where a session token travels: an HttpOnly, SameSite=Lax cookie (Secure when the public URL is https)
 * for browsers, or {@code Authorization: Bearer} for other clients.
 */
@Component
class SessionCookie {

    private final String name;
    private final boolean secure;

    SessionCookie(CallVaultProperties properties, PublicUrl publicUrl) {
        this.name = properties.session().cookieName();
        this.secure = publicUrl.secure();
    }

    ResponseCookie issue(String token, Instant expiresAt) {
        return base(token).maxAge(Duration.between(Instant.now(), expiresAt)).build();
    }

    ResponseCookie clear() {
        return base("").maxAge(Duration.ZERO).build();
    }

    /** The token from the bearer header if there is one, else from the cookie. */
    Optional<String> token(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.ofNullable(request.getCookies().getFirst(name)).map(HttpCookie::getValue).filter(v -> !v.isEmpty());
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(secure).sameSite("Lax").path("/");
    }
}
