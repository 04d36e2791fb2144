package com.callvault.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads the tracking processors' positions from Axon's {@code token_entry}: the token column is the
 * serialized token as JSON bytes. A GapAwareTrackingToken has {@code "index"}, a GlobalSequenceTrackingToken
 * {@code "globalIndex"}, a ReplayToken wraps the current one in {@code "currentToken"}, a MergedTrackingToken
 * holds two ({@code lowerSegmentToken}/{@code upperSegmentToken}: the lower counts). No token yet = -1.
 */
final class Tokens {

    private Tokens() {
    }

    /** Processor name → the lowest index over its segments (-1: no token yet). Only processors with a row. */
    static Map<String, Long> positions(Connection connection) throws SQLException {
        Map<String, Long> positions = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT processor_name, token FROM token_entry");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                byte[] token = rows.getBytes(2);
                long index = token == null ? -1 : index(Json.parse(new String(token, StandardCharsets.UTF_8)));
                positions.merge(rows.getString(1), index, Math::min);
            }
        }
        return positions;
    }

    static long head(Connection connection) throws SQLException {
        return Database.queryLong(connection, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
    }

    static long index(JsonNode token) {
        if (token == null || token.isNull() || token.isMissingNode()) {
            return -1;
        }
        if (token.has("currentToken")) {
            return index(token.get("currentToken"));
        }
        if (token.has("lowerSegmentToken")) {
            return Math.min(index(token.get("lowerSegmentToken")), index(token.get("upperSegmentToken")));
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("globalIndex")) {
            return token.get("globalIndex").asLong();
        }
        JsonNode nested = token.findValue("index");
        return nested == null ? -1 : nested.asLong();
    }
}
