package com.callvault.bench.calls;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The benchmark database, given as the app's DATABASE_URL (libpq URI form) or as a JDBC URL. */
final class Database {

    private final String jdbcUrl;
    private final Properties properties = new Properties();

    Database(String url) {
        if (url.startsWith("jdbc:")) {
            this.jdbcUrl = url;
        } else {
            URI uri = URI.create(url.strip());
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not a postgresql:// URL: " + url);
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            this.jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                properties.setProperty("user", URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                if (parts.length > 1) {
                    properties.setProperty("password", URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
            }
        }
        properties.setProperty("ApplicationName", "callvault-bench");
    }

    /** The database's name (the path of the URL). */
    String name() {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path == null ? "" : path.replaceFirst("^/", "");
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setAutoCommit(true);
        return connection;
    }

    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
