package com.callvault.gateway.diagnostics;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * What the diagnostics request itself shows about the way in: the URI it arrived with, the forwarded headers a proxy
 * put on it, and the origin the app derives from them (what every other request sees). The diagnostics path is
 * exempt from the forwarded-header rewrite ({@code TrustedProxyHeaders}), so the headers are still here to be shown.
 * Only these headers are kept: never cookies or the authorization header.
 *
 * @param arrivedAs the request URI as the connection gave it
 * @param forwarded the forwarded headers seen, by lower-case name
 * @param seenAs    the URI the app works with: rewritten from the forwarded headers when {@code TRUST_PROXY=true}; null
 *                  when those headers cannot be read
 */
public record RequestView(boolean present, URI arrivedAs, Map<String, List<String>> forwarded, URI seenAs) {

    /** From the command line: there is no request. */
    public static final RequestView NONE = new RequestView(false, null, Map.of(), null);

    static final List<String> FORWARDED_HEADERS = List.of("forwarded", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
        "x-forwarded-prefix", "x-forwarded-ssl", "x-forwarded-for");

    public static RequestView of(ServerHttpRequest request, boolean trustProxy) {
        HttpHeaders headers = request.getHeaders();
        Map<String, List<String>> forwarded = new LinkedHashMap<>();
        for (String name : FORWARDED_HEADERS) {
            List<String> values = headers.get(name);
            if (values != null && !values.isEmpty()) {
                forwarded.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
            }
        }
        URI seenAs = request.getURI();
        if (trustProxy && !forwarded.isEmpty()) {
            try {
                seenAs = new ForwardedHeaderTransformer().apply(request).getURI();
            } catch (RuntimeException unreadable) {
                seenAs = null; // every other request carrying them is refused with 400
            }
        }
        return new RequestView(true, request.getURI(), Map.copyOf(forwarded), seenAs);
    }

    /** {@code scheme://host[:port]} of a URI, the port only when it is not the scheme's default. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
