package com.callvault.gateway.auth.siwe;

import java.net.URI;
import java.util.Locale;

/** Same-site comparisons of authorities and URIs: host case-insensitive, port after applying the scheme default. */
final class Origins {

    private Origins() {
    }

    /**
     * Whether two RFC 3986 authorities name the same host and port under {@code scheme}. Userinfo is left in the
     * host part, so {@code user@callvs.com} never matches our own domain, which has none.
     */
    static boolean sameAuthority(String authority, String expected, String scheme) {
        HostPort a = HostPort.of(authority, scheme);
        HostPort b = HostPort.of(expected, scheme);
        return a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    /** Whether {@code uri} is on {@code origin}: same scheme, host and effective port, no userinfo; any path. */
    static boolean sameOrigin(URI uri, URI origin) {
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getScheme().equalsIgnoreCase(origin.getScheme())) {
            return false;
        }
        return uri.getHost().equalsIgnoreCase(origin.getHost())
                && effectivePort(uri.getPort(), uri.getScheme()) == effectivePort(origin.getPort(), origin.getScheme());
    }

    private static int effectivePort(int port, String scheme) {
        if (port >= 0) {
            return port;
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            default -> -1;
        };
    }

    private record HostPort(String host, int port) {
        static HostPort of(String authority, String scheme) {
            // An IPv6 literal holds colons of its own, so the port separator is the last colon after any ']'.
            int colon = authority.lastIndexOf(':');
            if (colon < 0 || colon < authority.lastIndexOf(']')) {
                return new HostPort(authority, effectivePort(-1, scheme));
            }
            String digits = authority.substring(colon + 1);
            int port;
            try {
                port = digits.isEmpty() ? -1 : Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                port = -2; // not a port number at all; -2 matches no effective port
            }
            return new HostPort(authority.substring(0, colon), port == -1 ? effectivePort(-1, scheme) : port);
        }
    }
}
