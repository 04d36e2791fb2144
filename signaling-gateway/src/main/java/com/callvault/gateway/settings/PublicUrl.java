package com.callvault.gateway.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The origin users reach ({@code PUBLIC_URL}), e.g. {@code https://callvs.com}. Sign-in messages and
 * WebSocket {@code Origin} headers are checked against it; cookies are {@code Secure} when it is https.
 */
public record PublicUrl(String scheme, String host, int port) {

    public static PublicUrl parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("PUBLIC_URL must be an http(s) origin such as https://callvs.com, got '" + value + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !pathless
            || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("PUBLIC_URL must be an http(s) origin such as https://callvs.com (no path, query or credentials), got '" + value + "'");
        }
        return new PublicUrl(scheme, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort());
    }

    public boolean secure() {
        return scheme.equals("https");
    }

    /** Host and, when not the scheme's default, the port: the EIP-4361 {@code domain}. */
    public String authority() {
        boolean defaultPort = port == -1 || (port == 443 && secure()) || (port == 80 && !secure());
        return defaultPort ? host : host + ":" + port;
    }

    /** The origin as a browser serializes it, e.g. {@code https://callvs.com}. */
    public String origin() {
        return scheme + "://" + authority();
    }

    public URI toUri() {
        return URI.create(origin());
    }

    @Override
    public String toString() {
        return origin();
    }
}
