package com.callvault.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What PostgreSQL did, from its cumulative statistics: transactions, rows written in the benchmark database
 * (pg_stat_database) and WAL records, bytes and syncs (pg_stat_wal: server-wide). Backends publish their
 * counters at most about once a second, so measure spans of several seconds and wait ~1 s at the end.
 */
final class DbWork {

    private static final String QUERY = """
        SELECT d.xact_commit, d.tup_inserted, d.tup_updated, d.tup_deleted, d.tup_fetched, w.wal_records, w.wal_bytes, w.wal_sync
          FROM pg_stat_database d, pg_stat_wal w
         WHERE d.datname = current_database()
        """;

    private static final String[] NAMES = {"commits", "rowsInserted", "rowsUpdated", "rowsDeleted", "rowsFetched", "walRecords", "walBytes", "walSyncs"};

    private DbWork() {
    }

    static Map<String, Long> snapshot(Database database) {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery(QUERY)) {
                if (rows.next()) {
                    for (int i = 0; i < NAMES.length; i++) {
                        values.put(NAMES[i], rows.getLong(i + 1));
                    }
                }
            }
        } catch (Exception e) {
            // statistics are a diagnosis, not a figure: leave them out
        }
        return values;
    }

    /** (after − before) / units, per counter. */
    static Map<String, Double> per(Map<String, Long> before, Map<String, Long> after, double units) {
        Map<String, Double> per = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (before.containsKey(name) && after.containsKey(name) && units > 0) {
                per.put(name, (after.get(name) - before.get(name)) / units);
            }
        }
        return per;
    }

    static String describe(Map<String, Double> per) {
        if (per.isEmpty()) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted, %.0f fetched, %.1f WAL records, %.0f WAL bytes, %.2f WAL syncs",
            per.get("commits"), per.get("rowsInserted"), per.get("rowsUpdated"), per.get("rowsDeleted"), per.get("rowsFetched"), per.get("walRecords"),
            per.get("walBytes"), per.get("walSyncs"));
    }
}
