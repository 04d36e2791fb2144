package com.callvault.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * After a restart (nothing in the app's aggregate cache) and once the projections caught up: the latency of
 * the first send into small conversations (the first also warms the code paths), then of the first send into
 * the long conversation (loaded from its latest snapshot plus the events after it), then of further sends into
 * it (cached).
 */
final class ColdSends implements WsConnection.FrameHandler {

    private final State state;
    private final Database database;
    private volatile String waitingFor;
    private volatile CompletableFuture<JsonNode> answer;
    private int counter;

    ColdSends(State state, Database database) {
        this.state = state;
        this.database = database;
    }

    void run(HttpClient http, Api api, String body) throws Exception {
        ObjectNode context = state.context();
        ObjectNode results = state.results();
        String token = context.get("longSenderToken").asString();
        String longConversation = context.get("longConversation").asString();
        List<String> small = new ArrayList<>();
        context.get("coldConversations").forEach(node -> small.add(node.asString()));
        try (WsConnection socket = WsConnection.open(http, api.webSocketUri(), "long-sender (after restart)", token, api.publicUrl())) {
            socket.handler(this);
            List<Double> smallFirst = new ArrayList<>();
            for (String conversation : small) {
                smallFirst.add(send(socket, conversation, body));
            }
            double longFirst = send(socket, longConversation, body);
            Latencies warm = new Latencies();
            for (int i = 0; i < 20; i++) {
                warm.add((long) (send(socket, longConversation, body) * 1e6));
            }
            results.putPOJO("cold.smallFirstMs", smallFirst);
            results.put("cold.longFirstMs", longFirst);
            results.put("cold.longWarmP50Ms", warm.summary().p50());
            try (Connection connection = database.connect();
                 PreparedStatement query = connection.prepareStatement("SELECT (SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?),"
                     + " (SELECT coalesce(max(sequence_number), -1) FROM snapshot_event_entry WHERE aggregate_identifier = ?)")) {
                query.setString(1, longConversation);
                query.setString(2, longConversation);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    results.put("cold.longEvents", rows.getLong(1));
                    results.put("cold.longSnapshotSeq", rows.getLong(2));
                }
            }
            MessagingBenchmark.log("3. after a restart: first sends into small uncached conversations %s ms; into the %d-event conversation %.1f ms"
                    + " (latest snapshot at sequence %d); then cached p50 %.1f ms", format(smallFirst), results.get("cold.longEvents").asLong(),
                longFirst, results.get("cold.longSnapshotSeq").asLong(), warm.summary().p50());
        }
        state.save();
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.1f", v)).toList().toString();
    }

    /** One send, waiting for its answer; milliseconds from send to ack. */
    private double send(WsConnection socket, String conversation, String body) throws Exception {
        String id = "cold-" + System.nanoTime() + "-" + counter++;
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        answer = future;
        waitingFor = id;
        long start = System.nanoTime();
        socket.send("{\"type\":\"send\",\"id\":\"" + id + "\",\"conversationId\":\"" + conversation + "\",\"clientMessageId\":\"" + id
            + "\",\"body\":" + body + "}");
        JsonNode frame = future.get(30, TimeUnit.SECONDS);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!"ack".equals(frame.path("type").asString(""))) {
            throw new IllegalStateException("send into " + conversation + " answered " + frame);
        }
        return millis;
    }

    @Override
    public void onFrame(WsConnection connection, JsonNode frame, long receivedNanos) {
        String type = frame.path("type").asString("");
        if (("ack".equals(type) || "error".equals(type)) && frame.path("id").asString("").equals(waitingFor)) {
            answer.complete(frame);
        }
    }
}
