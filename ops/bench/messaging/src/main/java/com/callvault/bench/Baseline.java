package com.callvault.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's own single-row insert rate for an event-sized row: {@code clients} JDBC connections,
 * autocommit, one row per transaction, synchronous commit, into a scratch table created
 * {@code LIKE domain_event_entry INCLUDING ALL} (same columns, identity key, unique indexes), for a fixed time.
 * The payload is the JSON of a MessageSent of the same body the WebSocket senders use.
 */
final class Baseline {

    static final String TABLE = "bench_baseline_event";

    record Result(int clients, double seconds, long rows, double rowsPerSecond, String synchronousCommit, String fsync, CpuMeter.Split cpu,
                  java.util.Map<String, Double> dbWorkPerRow) {
    }

    private final Database database;

    Baseline(Database database) {
        this.database = database;
    }

    /** CPU is measured over the window itself, while the clients' backends are alive (an exited backend's time shows late). */
    Result run(int clients, long warmupMillis, long measureMillis, String body, CpuMeter cpu) throws Exception {
        String synchronousCommit;
        String fsync;
        try (Connection admin = database.connect()) {
            Database.execute(admin, "DROP TABLE IF EXISTS " + TABLE);
            Database.execute(admin, "CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
            synchronousCommit = Database.queryString(admin, "SHOW synchronous_commit");
            fsync = Database.queryString(admin, "SHOW fsync");
        }
        java.util.Map<String, Long> dbBefore = DbWork.snapshot(database);
        AtomicLong total = new AtomicLong();
        AtomicLong inWindow = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch measured = new CountDownLatch(1); // connections stay open until the CPU was read
        long start = System.nanoTime() + 200_000_000L; // all clients connected before the clock starts
        long windowStart = start + warmupMillis * 1_000_000L;
        long windowEnd = windowStart + measureMillis * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("baseline-" + c).start(() -> {
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                         + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                         + " payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                    String aggregate = "conversation:" + UUID.randomUUID();
                    ready.countDown();
                    while (System.nanoTime() < start) {
                        Thread.onSpinWait();
                    }
                    for (long seq = 0; ; seq++) {
                        long now = System.nanoTime();
                        if (now >= windowEnd) {
                            break;
                        }
                        Instant at = Instant.now();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, seq);
                        insert.setString(4, "Conversation");
                        insert.setString(5, at.toString());
                        insert.setString(6, "com.callvault.api.messaging.MessageSent");
                        insert.setString(7, null);
                        insert.setString(8, "{\"conversationId\":\"" + aggregate + "\",\"seq\":" + (seq + 1)
                            + ",\"clientMessageId\":\"b1-" + client + "-" + seq + "\",\"sender\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\""
                            + ",\"body\":" + body + ",\"attachments\":[],\"sentAt\":\"" + at + "\"}");
                        insert.setString(9, "{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}");
                        insert.executeUpdate();
                        long done = System.nanoTime();
                        total.incrementAndGet();
                        if (done >= windowStart && done < windowEnd) {
                            inWindow.incrementAndGet();
                        }
                    }
                    measured.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    ready.countDown();
                }
            }));
        }
        sleepUntil(windowStart);
        CpuMeter.Snapshot before = cpu.snapshot();
        sleepUntil(windowEnd);
        CpuMeter.Snapshot after = cpu.snapshot();
        measured.countDown();
        for (Thread thread : threads) {
            thread.join(warmupMillis + measureMillis + 30_000);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("baseline client failed: " + failures.getFirst(), failures.getFirst());
        }
        double seconds = measureMillis / 1000.0;
        Thread.sleep(1100); // the backends publish their statistics about once a second
        java.util.Map<String, Double> dbWork = DbWork.per(dbBefore, DbWork.snapshot(database), total.get());
        return new Result(clients, seconds, inWindow.get(), inWindow.get() / seconds, synchronousCommit, fsync, cpu.between(before, after), dbWork);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }

    /** Average stored size of a row (pg_column_size of the whole row) in the scratch table and in the event store. */
    double[] rowSizes() throws Exception {
        try (Connection connection = database.connect()) {
            double scratch = Database.queryLong(connection, "SELECT coalesce(avg(pg_column_size(t.*)), 0)::bigint FROM " + TABLE + " t");
            double events = Database.queryLong(connection, "SELECT coalesce(avg(pg_column_size(d.*)), 0)::bigint FROM domain_event_entry d"
                + " WHERE payload_type = 'com.callvault.api.messaging.MessageSent'");
            return new double[] {scratch, events};
        }
    }

    void dropTable() throws Exception {
        try (Connection connection = database.connect()) {
            Database.execute(connection, "DROP TABLE IF EXISTS " + TABLE);
        }
    }
}
