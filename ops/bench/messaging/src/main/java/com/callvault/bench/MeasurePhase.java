package com.callvault.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.node.ObjectNode;

/**
 * Steps 1–4 of the benchmark against a running app, plus the projection lag sampled during step 2:
 * <ol>
 *   <li>baseline: PostgreSQL single-row inserts, 8 clients;</li>
 *   <li>persisted messages/s: 8 sender sockets, one conversation each, pipelined window;</li>
 *   <li>a 10,000-message conversation against a new one, one closed-loop sender;</li>
 *   <li>delivery latency at a fixed open-loop rate.</li>
 * </ol>
 * Leaves in the state what the catch-up phase (after a restart) needs.
 */
final class MeasurePhase {

    static final String MESSAGE_SENT = "com.callvault.api.messaging.MessageSent";

    private final Options options;
    private final State state;
    private final Api api;
    private final HttpClient http;
    private final Database database;
    private final CpuMeter cpu;
    private final String body;
    private final List<WsConnection> sockets = new ArrayList<>();
    private LagSampler lag;

    MeasurePhase(Options options, State state, HttpClient http, Api api, Database database, CpuMeter cpu, String body) {
        this.options = options;
        this.state = state;
        this.http = http;
        this.api = api;
        this.database = database;
        this.cpu = cpu;
        this.body = body;
    }

    void run() throws Exception {
        ObjectNode results = state.results();
        int senders = (int) options.getLong("senders", 8);
        long seconds = options.getLong("seconds", 8);
        long warmup = options.getLong("warmup-seconds", 3);

        // ---- sign-ins and conversations (all peers have a receiving socket) ----
        long t0 = System.nanoTime();
        List<Wallet> wallets = new ArrayList<>();
        int walletCount = 2 * senders + 4;
        for (int i = 0; i < walletCount; i++) {
            wallets.add(Wallet.random());
        }
        List<Api.Session> sessions;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Api.Session>> futures = new ArrayList<>();
            for (int i = 0; i < walletCount; i++) {
                int n = i;
                String name = n < senders ? "sender-" + n : n < 2 * senders ? "peer-" + (n - senders)
                    : List.of("long-sender", "long-peer", "new-peer", "latency-sender").get(n - 2 * senders);
                futures.add(pool.submit(() -> api.signIn(name, wallets.get(n))));
            }
            sessions = new ArrayList<>();
            for (Future<Api.Session> future : futures) {
                sessions.add(future.get());
            }
        }
        List<Api.Session> senderSessions = sessions.subList(0, senders);
        List<Api.Session> peerSessions = sessions.subList(senders, 2 * senders);
        Api.Session longSender = sessions.get(2 * senders);
        Api.Session longPeer = sessions.get(2 * senders + 1);
        Api.Session newPeer = sessions.get(2 * senders + 2);
        Api.Session latencySender = sessions.get(2 * senders + 3);

        List<String> senderConversations = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            senderConversations.add(api.startConversation(senderSessions.get(i), peerSessions.get(i).address()));
        }
        String longConversation = api.startConversation(longSender, longPeer.address());
        List<String> latencyConversations = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            latencyConversations.add(api.startConversation(latencySender, peerSessions.get(i).address()));
        }
        List<String> coldConversations = List.of(
            api.startConversation(longSender, peerSessions.get(0).address()),
            api.startConversation(longSender, peerSessions.get(1).address()),
            api.startConversation(longSender, peerSessions.get(2).address()));

        // The server assigns connections to its (4) event loops round-robin, and a socket's requests run on its loop:
        // opening the senders one after the other spreads them over all loops (their best case).
        List<WsConnection> senderSockets = new ArrayList<>();
        List<WsConnection> peerSockets = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            senderSockets.add(open(senderSessions.get(i)));
        }
        for (int i = 0; i < senders; i++) {
            peerSockets.add(open(peerSessions.get(i)));
        }
        WsConnection longSocket = open(longSender);
        open(longPeer);
        open(newPeer);
        WsConnection latencySocket = open(latencySender);
        log("signed in %d wallets, started %d conversations, opened %d sockets in %.1f s", walletCount,
            2 * senders + 1 + coldConversations.size(), sockets.size(), (System.nanoTime() - t0) / 1e9);

        ObjectNode context = state.context();
        context.put("longSenderToken", longSender.token());
        context.put("longConversation", longConversation);
        context.putPOJO("coldConversations", coldConversations);
        state.save();

        lag = new LagSampler(database, 250).start();
        try {
            // ---- 0. on 2 cores the app's JIT compilers work for its first minute or so: warm up with the step-2 load, unmeasured ----
            long appWarmup = options.getLong("app-warmup-seconds", 20);
            if (appWarmup > 0) {
                step("app warm-up", () -> {
                    List<PipelinedSender> warm = new ArrayList<>();
                    for (int i = 0; i < senders; i++) {
                        warm.add(new PipelinedSender(senderSockets.get(i), List.of(senderConversations.get(i)), 32, "w0-" + i + "-", body, 2_000_000));
                    }
                    warm.forEach(PipelinedSender::start);
                    Thread.sleep(appWarmup * 1000);
                    for (PipelinedSender sender : warm) {
                        sender.stopAndDrain(15_000);
                    }
                    long acked = warm.stream().mapToLong(PipelinedSender::acked).sum();
                    state.results().put("warmup.acked", acked);
                    // the projections work off the warm-up's backlog first: the baseline must not share the machine with them
                    long stopped = System.nanoTime();
                    long caughtUp = lag.awaitCaughtUp(stopped, 120_000);
                    log("0. app warm-up: %d s of the step-2 load, %d messages (not measured); projections caught up %s", appWarmup, acked,
                        caughtUp < 0 ? "NOT within 120 s" : String.format("%.1f s after it", (caughtUp - stopped) / 1e9));
                });
            }

            // ---- 1. baseline ----
            step("baseline", () -> {
                Baseline.Result baseline = new Baseline(database).run(senders, 1000, seconds * 1000, body, cpu);
                state.cpu("1 baseline inserts", baseline.cpu());
                results.put("baseline.rowsPerSecond", baseline.rowsPerSecond());
                results.put("baseline.rows", baseline.rows());
                results.put("baseline.clients", baseline.clients());
                results.put("baseline.seconds", baseline.seconds());
                results.put("baseline.synchronousCommit", baseline.synchronousCommit());
                results.put("baseline.fsync", baseline.fsync());
                results.put("baseline.dbWorkPerRow", DbWork.describe(baseline.dbWorkPerRow()));
                log("1. baseline: %d clients, %.0f rows/s (synchronous_commit=%s, fsync=%s); per row: %s", senders, baseline.rowsPerSecond(),
                    baseline.synchronousCommit(), baseline.fsync(), DbWork.describe(baseline.dbWorkPerRow()));
            });

            // ---- 2. persisted messages/s, 8 concurrent senders; lag sampled meanwhile ----
            step("throughput", () -> throughput(senderSockets, peerSockets, senderConversations, (int) options.getLong("window", 32),
                warmup, seconds));

            // ---- 3. long conversation ----
            step("long conversation", () -> longConversation(longSocket, longSender, newPeer, longConversation, coldConversations));

            // ---- 4. delivery latency ----
            step("latency", () -> latency("latency", "d4-", List.of(latencySocket), peerSockets, latencyConversations));
            step("latency, 8 sockets", () -> latency("latency8", "e4-", senderSockets, peerSockets, senderConversations));

            step("row sizes", () -> {
                double[] sizes = new Baseline(database).rowSizes();
                results.put("baseline.rowBytes", sizes[0]);
                results.put("events.messageSentRowBytes", sizes[1]);
                new Baseline(database).dropTable();
            });
            try (Connection connection = database.connect()) {
                results.put("events.total", Database.queryLong(connection, "SELECT count(*) FROM domain_event_entry"));
            }
        } finally {
            lag.close();
            sockets.forEach(WsConnection::close);
            state.save();
        }
    }

    private void throughput(List<WsConnection> senderSockets, List<WsConnection> peerSockets, List<String> conversations, int window,
                            long warmupSeconds, long seconds) throws Exception {
        ObjectNode results = state.results();
        List<PipelinedSender> senders = new ArrayList<>();
        long[] receivedBefore = peerSockets.stream().mapToLong(WsConnection::framesReceived).toArray();
        for (int i = 0; i < senderSockets.size(); i++) {
            senders.add(new PipelinedSender(senderSockets.get(i), List.of(conversations.get(i)), window, "t2-" + i + "-", body, 2_000_000));
        }
        long idleBefore = lag.awaitCaughtUp(System.nanoTime(), 20_000);
        long readsBefore = snapshotReads();
        java.util.Map<String, Long> dbBefore = DbWork.snapshot(database);
        senders.forEach(PipelinedSender::start);
        long loadStart = System.nanoTime();
        Thread.sleep(warmupSeconds * 1000);
        long windowStart = System.nanoTime();
        senders.forEach(s -> s.openWindow(windowStart));
        CpuMeter.Snapshot before = cpu.snapshot();
        log("2. measuring %d s (after %d s of warm-up)", seconds, warmupSeconds);
        Thread.sleep(seconds * 1000);
        long windowEnd = System.nanoTime();
        senders.forEach(s -> s.closeWindow(windowEnd));
        state.cpu("2 8 senders, window " + window, cpu.between(before, cpu.snapshot()));
        boolean drained = true;
        for (PipelinedSender sender : senders) {
            drained &= sender.stopAndDrain(15_000);
        }
        long loadStopped = System.nanoTime();
        Thread.sleep(1100); // statistics reach the shared counters about once a second
        results.put("throughput.aggregateLoads", snapshotReads() - readsBefore);
        long allAcked = senders.stream().mapToLong(PipelinedSender::acked).sum();
        String dbWork = DbWork.describe(DbWork.per(dbBefore, DbWork.snapshot(database), allAcked));
        results.put("throughput.dbWorkPerMessage", dbWork);
        long acked = senders.stream().mapToLong(PipelinedSender::acked).sum();
        long sent = senders.stream().mapToLong(PipelinedSender::sent).sum();
        long inWindow = senders.stream().mapToLong(PipelinedSender::ackedInWindow).sum();
        long errors = senders.stream().mapToLong(PipelinedSender::errors).sum();
        long duplicates = senders.stream().mapToLong(PipelinedSender::duplicates).sum();
        Latencies.Summary ackLatency = merge(senders.stream().map(PipelinedSender::ackLatencies).toList());
        double rate = inWindow / (double) seconds;
        results.put("throughput.msgsPerSecond", rate);
        results.put("throughput.window", window);
        results.put("throughput.senders", senders.size());
        results.put("throughput.seconds", seconds);
        results.put("throughput.ackedInWindow", inWindow);
        results.put("throughput.sent", sent);
        results.put("throughput.acked", acked);
        results.put("throughput.errors", errors);
        results.put("throughput.duplicates", duplicates);
        results.put("throughput.drained", drained);
        results.put("throughput.ackP50Ms", ackLatency.p50());
        results.put("throughput.ackP99Ms", ackLatency.p99());
        String firstError = senders.stream().map(PipelinedSender::firstError).filter(e -> e != null).findFirst().orElse(null);
        results.put("throughput.firstError", firstError);
        long delivered = 0;
        for (int i = 0; i < peerSockets.size(); i++) {
            delivered += peerSockets.get(i).framesReceived() - receivedBefore[i];
        }
        results.put("throughput.deliveredToPeers", delivered);

        // SQL: every ack is a stored MessageSent; and the store's own rate over the window (head growth)
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement(
                 "SELECT count(*) FROM domain_event_entry WHERE payload_type = ? AND aggregate_identifier = ANY (?)"
                     + " AND payload ->> 'clientMessageId' LIKE 't2-%'")) {
            count.setString(1, MESSAGE_SENT);
            count.setArray(2, connection.createArrayOf("varchar", conversations.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                results.put("throughput.persisted", rows.getLong(1));
            }
        }
        List<LagSampler.Sample> samples = lag.samples();
        LagSampler.Sample first = samples.stream().filter(s -> s.nanos() >= windowStart).findFirst().orElse(null);
        LagSampler.Sample last = samples.stream().filter(s -> s.nanos() <= windowEnd).reduce((a, b) -> b).orElse(null);
        if (first != null && last != null && last.nanos() > first.nanos()) {
            results.put("throughput.storeEventsPerSecond", (last.head() - first.head()) / ((last.nanos() - first.nanos()) / 1e9));
        }

        // 5a. projections during the load and after it
        long caughtUp = lag.awaitCaughtUp(loadStopped, 30_000);
        Map<String, Long> maxLag = lag.maxLag(loadStart, loadStopped);
        ObjectNode lagNode = results.putObject("lag.maxDuringLoad");
        maxLag.forEach(lagNode::put);
        results.put("lag.max", maxLag.values().stream().mapToLong(Long::longValue).max().orElse(-1));
        results.put("lag.secondsToZeroAfterLoad", caughtUp < 0 ? -1 : Math.max(0, (caughtUp - loadStopped) / 1e9));
        results.put("lag.peakEventsPerSecond", lag.peakEventRate(loadStart, loadStopped));
        results.put("lag.idleBeforeLoad", idleBefore >= 0);
        results.put("lag.processors", String.join(",", maxLag.keySet()));
        log("2. %d senders, window %d: %.0f msgs/s acked in %d s (%d sent, %d acked, %d persisted, %d errors%s); ack latency %s",
            senders.size(), window, rate, seconds, sent, acked, results.get("throughput.persisted").asLong(), errors,
            firstError == null ? "" : ", first: " + firstError, ackLatency.describe());
        log("2. PostgreSQL's work per message (the projections' included; WAL server-wide): %s", dbWork);
        log("5. projection lag during load (events): %s; back to 0 %.1f s after the last ack; peak append rate %.0f events/s", maxLag,
            results.get("lag.secondsToZeroAfterLoad").asDouble(), results.get("lag.peakEventsPerSecond").asDouble());
        state.save();
    }

    private void longConversation(WsConnection socket, Api.Session sender, Api.Session newPeer, String longConversation,
                                  List<String> coldConversations) throws Exception {
        ObjectNode results = state.results();
        int fill = (int) options.getLong("fill", 10_000);
        long closedLoopSeconds = options.getLong("closed-loop-seconds", 5);

        // fill as fast as one socket goes (requests of one socket are handled in order; the window hides the round trip)
        lag.awaitCaughtUp(System.nanoTime(), 20_000);
        PipelinedSender filler = new PipelinedSender(socket, List.of(longConversation), 32, "f3-", body, fill);
        long start = System.nanoTime();
        CpuMeter.Snapshot before = cpu.snapshot();
        filler.openWindow(start);
        filler.start();
        boolean filled = filler.awaitAllAnswered(180_000);
        long end = System.nanoTime();
        state.cpu("3 fill (1 socket, window 32)", cpu.between(before, cpu.snapshot()));
        if (!filled || filler.errors() > 0) {
            throw new IllegalStateException("filling the long conversation stopped at " + filler.acked() + "/" + fill + ": " + filler.firstError());
        }
        results.put("long.fill", fill);
        results.put("long.fillSeconds", (end - start) / 1e9);
        results.put("long.fillMsgsPerSecond", fill / ((end - start) / 1e9));
        log("3. filled a conversation with %d messages in %.1f s (%.0f msgs/s)", fill, (end - start) / 1e9, fill / ((end - start) / 1e9));

        // small conversations for the cold-cache check after the restart: a few messages each
        for (int c = 0; c < coldConversations.size(); c++) {
            PipelinedSender few = new PipelinedSender(socket, List.of(coldConversations.get(c)), 1, "k3-" + c + "-", body, 3);
            few.start();
            few.awaitAllAnswered(10_000);
        }

        // alternating halves (long, new, long, new) so that drift (JIT, GC, other load) hits both alike
        String newConversation = api.startConversation(sender, newPeer.address());
        double half = closedLoopSeconds / 2.0;
        Slice long1 = closedLoop(socket, longConversation, "c3l1-", half, "long");
        Slice new1 = closedLoop(socket, newConversation, "c3n1-", half, "new");
        Slice long2 = closedLoop(socket, longConversation, "c3l2-", half, "long");
        Slice new2 = closedLoop(socket, newConversation, "c3n2-", half, "new");
        double longRate = record("long", long1, long2);
        double newRate = record("new", new1, new2);
        results.put("long.closedLoopLongMsgsPerSecond", longRate);
        results.put("long.closedLoopNewMsgsPerSecond", newRate);
        results.put("long.closedLoopSeconds", closedLoopSeconds);
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            count.setString(1, longConversation);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                results.put("long.eventsInLongConversation", rows.getLong(1));
            }
        }
        log("3. closed loop, one sender: %.0f msgs/s into the %d-message conversation, %.0f msgs/s into a new one (ratio %.2f)",
            longRate, fill, newRate, longRate / newRate);
        state.save();
    }

    /**
     * How often aggregates were loaded from the store (not the cache): index scans of the snapshot table's key
     * (Axon reads the latest snapshot first, then the events after it; it also deletes older snapshots when it
     * writes one, every 500 events).
     */
    private long snapshotReads() {
        try (Connection connection = database.connect()) {
            Database.execute(connection, "SELECT pg_stat_clear_snapshot()");
            return Database.queryLong(connection, "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes WHERE relname = 'snapshot_event_entry'");
        } catch (Exception e) {
            return -1;
        }
    }

    /** One closed-loop slice: acks in the window, its length, the ack latencies, CPU and aggregate loads. */
    private record Slice(long acked, double seconds, Latencies latencies, CpuMeter.Snapshot cpuBefore, CpuMeter.Snapshot cpuAfter, long loads) {
    }

    private Slice closedLoop(WsConnection socket, String conversation, String prefix, double seconds, String label) throws Exception {
        lag.awaitCaughtUp(System.nanoTime(), 20_000);
        long readsBefore = snapshotReads();
        PipelinedSender sender = new PipelinedSender(socket, List.of(conversation), 1, prefix, body, 2_000_000);
        sender.start();
        Thread.sleep(300); // first sends after an idle pause are not the steady state
        long start = System.nanoTime();
        sender.openWindow(start);
        CpuMeter.Snapshot before = cpu.snapshot();
        Thread.sleep((long) (seconds * 1000));
        long end = System.nanoTime();
        sender.closeWindow(end);
        CpuMeter.Snapshot after = cpu.snapshot();
        sender.stopAndDrain(10_000);
        if (sender.errors() > 0) {
            throw new IllegalStateException("closed-loop sends into the " + label + " conversation failed: " + sender.firstError());
        }
        Thread.sleep(600); // statistics reach the shared counters when the backend reports them
        return new Slice(sender.ackedInWindow(), (end - start) / 1e9, sender.ackLatencies(), before, after, snapshotReads() - readsBefore);
    }

    /** Results of the two slices of one conversation; answers msgs/s over both. */
    private double record(String label, Slice first, Slice second) {
        Latencies all = new Latencies();
        first.latencies().forEach(all::add);
        second.latencies().forEach(all::add);
        Latencies.Summary latency = all.summary();
        ObjectNode results = state.results();
        results.put("long.closedLoop." + label + ".p50Ms", latency.p50());
        results.put("long.closedLoop." + label + ".p99Ms", latency.p99());
        results.put("long.closedLoop." + label + ".maxMs", latency.max());
        results.put("long.closedLoop." + label + ".aggregateLoads", first.loads() + second.loads());
        CpuMeter.Split a = cpu.between(first.cpuBefore(), first.cpuAfter());
        CpuMeter.Split b = cpu.between(second.cpuBefore(), second.cpuAfter());
        double s = a.seconds() + b.seconds();
        state.cpu("3 closed loop, " + label + " conversation", new CpuMeter.Split(s, (a.app() * a.seconds() + b.app() * b.seconds()) / s,
            (a.postgres() * a.seconds() + b.postgres() * b.seconds()) / s, (a.generator() * a.seconds() + b.generator() * b.seconds()) / s,
            (a.other() * a.seconds() + b.other() * b.seconds()) / s, (a.idle() * a.seconds() + b.idle() * b.seconds()) / s, a.cores()));
        return (first.acked() + second.acked()) / (first.seconds() + second.seconds());
    }

    /**
     * Step 4 with {@code senders} sockets (1: the single sender; 8: the same rate from one socket per conversation,
     * which tells the per-socket request ordering apart from the delivery path).
     */
    private void latency(String key, String prefix, List<WsConnection> senders, List<WsConnection> receivers, List<String> conversations)
        throws Exception {
        ObjectNode results = state.results();
        double rate = options.getDouble("latency-rate", 500);
        double seconds = options.getDouble("latency-seconds", 10);
        lag.awaitCaughtUp(System.nanoTime(), 20_000);
        OpenLoopSender openLoop = new OpenLoopSender(senders, receivers, conversations, prefix, body, rate, seconds);
        CpuMeter.Snapshot before = cpu.snapshot();
        openLoop.run();
        state.cpu(String.format("4 open loop %.0f msgs/s, %d socket%s", rate, senders.size(), senders.size() == 1 ? "" : "s"),
            cpu.between(before, cpu.snapshot()));
        openLoop.awaitDelivered(10_000);
        Latencies.Summary latency = openLoop.latencies().summary();
        results.put(key + ".rate", rate);
        results.put(key + ".seconds", seconds);
        results.put(key + ".senderSockets", senders.size());
        results.put(key + ".scheduled", openLoop.count());
        results.put(key + ".sent", openLoop.sent());
        results.put(key + ".received", openLoop.received());
        results.put(key + ".acked", openLoop.acked());
        results.put(key + ".errors", openLoop.errors());
        results.put(key + ".firstError", openLoop.firstError());
        results.put(key + ".p50Ms", latency.p50());
        results.put(key + ".p90Ms", latency.p90());
        results.put(key + ".p99Ms", latency.p99());
        results.put(key + ".maxMs", latency.max());
        results.put(key + ".maxScheduleLagMs", openLoop.maxScheduleLagMillis());
        log("4. open loop %.0f msgs/s for %.0f s over %d conversations from %d socket(s): received %d of %d scheduled, latency %s"
                + " (generator behind schedule at most %.1f ms)%s",
            rate, seconds, conversations.size(), senders.size(), openLoop.received(), openLoop.count(), latency.describe(),
            openLoop.maxScheduleLagMillis(), openLoop.firstError() == null ? "" : "; " + openLoop.firstError());
        state.save();
    }

    private WsConnection open(Api.Session session) {
        WsConnection socket = WsConnection.open(http, api.webSocketUri(), session.name(), session.token(), api.publicUrl());
        sockets.add(socket);
        return socket;
    }

    private static Latencies.Summary merge(List<Latencies> all) {
        Latencies merged = new Latencies();
        for (Latencies latencies : all) {
            latencies.forEach(merged::add);
        }
        return merged.summary();
    }

    interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        try {
            step.run();
        } catch (Exception e) {
            state.error(name, e);
            state.save();
            log("step %s broke: %s", name, e);
        }
    }

    static void log(String format, Object... args) {
        System.out.println(java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "  " + String.format(format, args));
        System.out.flush();
    }

}
