package com.callvault.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * Catch-up capacity of the projections (step 5): with the app stopped, delete the projection processors'
 * token rows (variant "replay": the read-model rows stay, so the replay's writes find them already there) —
 * and for variant "rebuild" also empty their tables as their reset handlers do, so every event is written
 * again, as when a projection has really fallen behind. Then, while the app starts, poll token_entry until
 * every reset processor's token reaches the store's head: events replayed per second.
 */
final class Catchup {

    /** The projection processors and the tables their @ResetHandler empties (the projectors in query-side/projections). */
    static final Map<String, List<String>> PROJECTIONS = new LinkedHashMap<>();

    static {
        PROJECTIONS.put("user-directory", List.of("DELETE FROM user_account")); // user_role cascades
        PROJECTIONS.put("conversation-read-models", List.of("TRUNCATE timeline_message, timeline_conversation",
            "TRUNCATE inbox_unread, inbox_member, inbox_conversation"));
    }

    private final Database database;
    private final State state;

    Catchup(Database database, State state) {
        this.database = database;
        this.state = state;
    }

    /** App stopped. Deletes the token rows of the projection processors (and, when rebuilding, their rows). */
    void reset(String variant, boolean truncate) throws Exception {
        ObjectNode results = state.results();
        String key = "catchup." + variant + ".";
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            TreeSet<String> existing = new TreeSet<>(Tokens.positions(connection).keySet());
            List<String> reset = new ArrayList<>();
            for (String processor : PROJECTIONS.keySet()) {
                if (existing.contains(processor)) {
                    reset.add(processor);
                }
            }
            TreeSet<String> others = new TreeSet<>(existing);
            others.removeAll(reset);
            long events = Database.queryLong(connection, "SELECT count(*) FROM domain_event_entry");
            long head = Tokens.head(connection);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM token_entry WHERE processor_name = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("varchar", reset.toArray()));
                delete.executeUpdate();
            }
            if (truncate) {
                for (String processor : reset) {
                    for (String statement : PROJECTIONS.get(processor)) {
                        Database.execute(connection, statement);
                    }
                }
            }
            connection.commit();
            results.put(key + "events", events);
            results.put(key + "head", head);
            results.put(key + "processors", String.join(",", reset));
            results.put(key + "otherProcessorsLeftAlone", String.join(",", others));
            results.put(key + "truncated", truncate);
            MessagingBenchmark.log("5. %s: deleted the tokens of %s%s; %d events to replay%s", variant, reset,
                truncate ? " and emptied their tables" : " (their rows stay)", events,
                others.isEmpty() ? "" : "; left alone: " + others);
        }
        state.save();
    }

    /** The app is starting (launched at {@code launchedAtMillis}, epoch). Times the replay. */
    void watch(String variant, Api api, CpuMeter cpu, long launchedAtMillis, long timeoutMillis) throws Exception {
        ObjectNode results = state.results();
        String key = "catchup." + variant + ".";
        List<String> processors = List.of(results.get(key + "processors").asString().split(","));
        long head = results.get(key + "head").asLong();
        long events = results.get(key + "events").asLong();
        Map<String, Long> appeared = new LinkedHashMap<>();
        Map<String, Long> done = new LinkedHashMap<>();
        long[] healthyAt = {-1};
        Thread health = Thread.ofPlatform().daemon().name("health").start(() -> {
            while (healthyAt[0] < 0 && !Thread.currentThread().isInterrupted()) {
                if (api.healthy()) {
                    healthyAt[0] = System.currentTimeMillis();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long deadline = System.currentTimeMillis() + timeoutMillis;
        CpuMeter.Snapshot started = null;
        CpuMeter.Snapshot finished = null;
        Connection connection = null;
        try {
            while (done.size() < processors.size()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("projections did not catch up within " + timeoutMillis / 1000 + " s: at "
                        + (connection == null ? "?" : Tokens.positions(connection)) + ", head " + head);
                }
                if (connection == null) {
                    connection = database.connect();
                }
                Map<String, Long> positions = Tokens.positions(connection);
                long now = System.currentTimeMillis();
                for (String processor : processors) {
                    Long index = positions.get(processor);
                    if (index != null && !appeared.containsKey(processor)) {
                        appeared.put(processor, now);
                        if (started == null) {
                            started = cpu.snapshot();
                        }
                    }
                    if (index != null && index >= head && !done.containsKey(processor)) {
                        done.put(processor, now);
                    }
                }
                Thread.sleep(20);
            }
            finished = cpu.snapshot();
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        health.join(120_000);
        long first = appeared.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = done.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        double seconds = Math.max(0.001, (last - first) / 1000.0);
        results.put(key + "seconds", seconds);
        results.put(key + "eventsPerSecond", events / seconds);
        results.put(key + "secondsFromLaunch", (last - launchedAtMillis) / 1000.0);
        results.put(key + "healthySecondsFromLaunch", healthyAt[0] < 0 ? -1 : (healthyAt[0] - launchedAtMillis) / 1000.0);
        ObjectNode perProcessor = results.putObject(key + "perProcessor");
        StringBuilder description = new StringBuilder();
        for (String processor : processors) {
            double s = Math.max(0.001, (done.get(processor) - appeared.get(processor)) / 1000.0);
            perProcessor.putObject(processor).put("seconds", s).put("eventsPerSecond", events / s);
            description.append(String.format("%s %.1f s (%.0f events/s); ", processor, s, events / s));
        }
        if (started != null) {
            state.cpu("5 catch-up, " + variant, cpu.between(started, finished));
        }
        MessagingBenchmark.log("5. %s: %d events replayed by every projection in %.1f s = %.0f events/s (%s app healthy %.1f s after launch, caught up %.1f s after launch)",
            variant, events, seconds, events / seconds, description, results.get(key + "healthySecondsFromLaunch").asDouble(),
            results.get(key + "secondsFromLaunch").asDouble());
        state.save();
    }
}
