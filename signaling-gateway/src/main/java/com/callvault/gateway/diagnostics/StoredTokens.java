package com.callvault.gateway.diagnostics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event processors as the database shows them ({@code token_entry}): per segment, the position its token has
 * reached and which server holds it. A server renews its claims every few seconds, so a claim older than
 * {@link #CLAIM_FRESH} belongs to no running server. Tokens are JSON (Axon's Jackson serializer).
 */
final class StoredTokens {

    static final Duration CLAIM_FRESH = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Segment(String processor, int segment, Long position, String owner, Instant claimedAt) {
    }

    record Snapshot(long head, Instant now, List<Segment> segments) {
    }

    static long head(JdbcTemplate jdbc) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    static Snapshot read(JdbcTemplate jdbc) {
        long head = head(jdbc);
        Instant now = jdbc.queryForObject("SELECT now()", java.sql.Timestamp.class).toInstant();
        List<Segment> segments = jdbc.query("SELECT processor_name, segment, token, owner, time_stamp FROM token_entry ORDER BY processor_name, segment",
            (row, i) -> new Segment(row.getString(1), row.getInt(2), position(row.getBytes(3)), row.getString(4), instant(row.getString(5))));
        return new Snapshot(head, now, segments);
    }

    static CheckResult result(Snapshot snapshot) {
        if (snapshot.segments().isEmpty()) {
            return CheckResult.warn("No event processor has stored a token: no server has run against this database yet",
                Map.of("headGlobalIndex", snapshot.head()));
        }
        Map<String, Object> byName = new TreeMap<>();
        List<String> unclaimed = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        for (Segment segment : snapshot.segments()) {
            long lag = segment.position() == null ? snapshot.head() : Math.max(0, snapshot.head() - segment.position());
            boolean held = segment.owner() != null && segment.claimedAt() != null
                && segment.claimedAt().isAfter(snapshot.now().minus(CLAIM_FRESH));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("position", segment.position() == null ? "none" : segment.position());
            facts.put("lagEvents", lag);
            facts.put("heldByARunningServer", held);
            String label = segment.processor() + "#" + segment.segment();
            byName.put(label, facts);
            if (!held) {
                unclaimed.add(label);
            }
            if (lag > EventProcessorsCheck.LAG_WARNING) {
                behind.add(label + " (" + lag + " events)");
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("headGlobalIndex", snapshot.head());
        details.put("segments", byName);
        List<String> problems = new ArrayList<>();
        if (!unclaimed.isEmpty()) {
            problems.add("held by no running server: " + String.join(", ", unclaimed));
        }
        if (!behind.isEmpty()) {
            problems.add("behind the event store: " + String.join(", ", behind));
        }
        if (!problems.isEmpty()) {
            return CheckResult.warn("Event processor segments " + String.join("; ", problems), details);
        }
        return CheckResult.ok(snapshot.segments().size() + " processor segments held by running servers, none behind (head of the "
            + "event store: " + snapshot.head() + ")", details);
    }

    /** The global index a stored token has reached; for a replay, where the replay is now. */
    static Long position(byte[] token) {
        if (token == null) {
            return null;
        }
        try {
            return position(JSON.readTree(new String(token, StandardCharsets.UTF_8)));
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private static Long position(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has("currentToken")) {
            return position(node.get("currentToken"));
        }
        for (String field : List.of("index", "globalIndex")) {
            if (node.has(field) && node.get(field).isNumber()) {
                return node.get(field).longValue();
            }
        }
        return null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
