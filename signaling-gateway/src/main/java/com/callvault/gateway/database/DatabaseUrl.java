package com.callvault.gateway.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A PostgreSQL connection in libpq URI form ({@code postgresql://user:pass@host:port/db?sslmode=require}),
 * as {@code DATABASE_URL} gives it, turned into JDBC and R2DBC settings. The password never appears in
 * {@link #toString()} or in the JDBC URL.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password, Map<String, String> parameters) {

    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public DatabaseUrl {
        parameters = Map.copyOf(parameters);
    }

    public static DatabaseUrl parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URI (" + e.getReason() + ")");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid("it must start with postgresql:// or postgres://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("it names no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw invalid("it must name one database, as in postgresql://host:5432/callvault");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        String sslMode = parameters.get("sslmode");
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw invalid("sslmode must be one of " + SSL_MODES + ", got '" + sslMode + "'");
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), decode(path), user, password, parameters);
    }

    /**
     * The JDBC URL. {@code stringtype=unspecified} lets JSON text bind to JSONB columns (the event store);
     * every libpq parameter is passed on, pgJDBC understands the common ones (sslmode, application_name, …).
     */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/').append(database);
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putIfAbsent("stringtype", "unspecified");
        String separator = "?";
        for (var e : all.entrySet()) {
            url.append(separator).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    public String sslMode() {
        return parameters.getOrDefault("sslmode", "disable");
    }

    @Override
    public String toString() {
        return "postgresql://" + (username == null ? "" : username + (password == null ? "" : ":****") + "@")
            + host + ":" + port + "/" + database;
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("DATABASE_URL is not a usable PostgreSQL URL: " + why
            + ". Expected postgresql://user:password@host:5432/database");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
