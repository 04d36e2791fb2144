package com.callvault.bench.calls;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The call signaling benchmark of issue 4 ("Performance"), run by ops/bench/calls.sh with the app and the
 * bare forwarder (the baseline) already running:
 * <pre>
 *   measure    every step against both, then the table (exit 0 even when a target is missed; 2 when a step broke)
 *   forwarder  the bare baseline server ({@link Forwarder})
 * </pre>
 * Steps (README): sockets and calls; warm-up; relay latency at a fixed rate (300 B candidates, 4 KB offers) with
 * the CPU per message; maximum relayed msgs/s (closed loop); call set-ups/s checked in SQL; RSS per idle socket.
 * Every relay step runs against the bare forwarder first, then the app, under the same load.
 */
public final class CallsBenchmark {

    /** A target under load: the app or the bare forwarder. */
    record Target(String name, long pid) {
    }

    /** How one socket is opened. */
    record SocketSpec(String uri, String token, String origin, String name) {
    }

    private final Options options;
    private final Results results = new Results();
    private final Target app;
    private final Target bare;
    private final String appWs;
    private final String bareWs;
    private final String publicUrl;
    private final Database database;
    private final long clkTck;
    private final reactor.netty.http.client.HttpClient wsClient = reactor.netty.http.client.HttpClient.newConnection()
        .responseTimeout(Duration.ofSeconds(30));
    private final int pairsWanted;
    private final List<Pair> barePairs = new ArrayList<>();
    private final List<Pair> appPairs = new ArrayList<>();
    private final List<Api.Session> idleUsers = new ArrayList<>();
    private volatile Phase phase;
    private volatile CallDriver driver;
    private final AtomicLong errorFrames = new AtomicLong();
    private final AtomicReference<String> firstErrorFrame = new AtomicReference<>();
    private long postmasterPid;

    /** What the relay steps do with a stamped frame. */
    interface Phase {
        void stamped(Pair.End end, char kind, long sentNanos, long receivedNanos);
    }

    private CallsBenchmark(Options options) {
        this.options = options;
        this.app = new Target("app", options.getLong("app-pid", 0));
        this.bare = new Target("bare", options.getLong("bare-pid", 0));
        this.appWs = options.get("app-url").replaceFirst("^http", "ws").replaceFirst("/$", "") + "/ws";
        this.bareWs = options.get("bare-url").replaceFirst("^http", "ws").replaceFirst("/$", "") + "/ws";
        this.publicUrl = options.get("public-url");
        this.database = new Database(options.get("database-url"));
        this.clkTck = options.getLong("clk-tck", 100);
        this.pairsWanted = (int) options.getLong("pairs", 1000);
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("forwarder")) {
            Forwarder.main(args);
            return;
        }
        Options options = Options.parse(args);
        if (!options.command().equals("measure")) {
            throw new IllegalArgumentException("unknown command " + options.command() + " (measure | forwarder)");
        }
        CallsBenchmark bench = new CallsBenchmark(options);
        int exit = bench.run();
        System.exit(exit);
    }

    private int run() throws Exception {
        postmasterPid = postmasterPid();
        String only = options.get("only", "all");
        if (only.equals("idle")) {
            step("sign-in", this::signInIdleUsers);
            step("warm the socket path", this::warmSocketPath);
        } else {
            step("sockets", this::sockets);
        }
        boolean ready = results.errors().isEmpty();
        if (ready && !only.equals("idle")) {
            step("calls for the relay", this::establish);
            if (only.equals("all")) {
                step("warm-up", this::warmUp);
                step("idle CPU", this::idleCpu);
                double rate = options.getDouble("rate", 5000);
                double seconds = options.getDouble("seconds", 10);
                for (char kind : new char[] {'c', 'o'}) {
                    for (Target target : List.of(bare, app)) {
                        step("latency " + kind + " " + target.name(), () -> openLoop(target, kind, rate, seconds));
                    }
                }
                for (Target target : List.of(bare, app)) {
                    step("max " + target.name(), () -> closedLoop(target, seconds));
                }
            }
            step("hang up the relay calls", this::hangUpRelayCalls);
            step("set-ups to warm up", () -> setups("setupsWarmUp.", options.getDouble("setup-warmup", 60)));
            step("call set-ups", () -> setups("setups.", options.getDouble("setup-seconds", 10)));
        }
        int idle = only.equals("setups") ? 0 : (int) options.getLong("idle", 10000);
        if (idle > 0) {
            for (Target target : List.of(bare, app)) {
                step("idle " + target.name(), () -> idle(target, idle));
            }
        }
        closeAll();
        String out = options.get("out", null);
        if (out != null) {
            Files.writeString(Path.of(out), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results.asMap()));
        }
        new Report(results, options).print();
        return results.errors().isEmpty() ? 0 : 2;
    }

    // ---------------------------------------------------------------- steps

    private void sockets() throws Exception {
        int candidateBytes = (int) options.getLong("candidate-bytes", 300);
        int offerBytes = (int) options.getLong("offer-bytes", 4096);
        results.put("pairs", pairsWanted);
        results.put("candidateBytes", candidateBytes);
        results.put("offerBytes", offerBytes);
        // the bare forwarder: pair=N&side=a|b, no sign-in
        long t0 = System.nanoTime();
        List<SocketSpec> specs = new ArrayList<>();
        for (int i = 0; i < pairsWanted; i++) {
            Pair p = new Pair("bare", i);
            p.frames(Pair.fakeCallId(i), candidateBytes, offerBytes);
            barePairs.add(p);
            specs.add(new SocketSpec(bareWs + "?pair=" + i + "&side=a", null, null, "bare-" + i + "a"));
            specs.add(new SocketSpec(bareWs + "?pair=" + i + "&side=b", null, null, "bare-" + i + "b"));
        }
        List<Socket> sockets = openAll(specs, 128, this::onText);
        for (int i = 0; i < pairsWanted; i++) {
            attach(barePairs.get(i), sockets.get(2 * i), sockets.get(2 * i + 1));
        }
        log("bare: %,d sockets open in %.1f s", sockets.size(), secondsSince(t0));

        // the app: one signed-in user per caller and per callee, one device (socket) each
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Api api = new Api(http, options.get("app-url"), publicUrl);
        api.awaitHealthy(Duration.ofSeconds(60));
        int threads = (int) options.getLong("sign-in-threads", 8);
        t0 = System.nanoTime();
        CpuMeter.Snapshot c0 = cpu(app).snapshot();
        List<Api.Session> users = signIn(api, 2 * pairsWanted, threads);
        double signInSeconds = secondsSince(t0);
        results.put("signIn.users", users.size());
        results.put("signIn.perSecond", users.size() / signInSeconds);
        results.cpu("sign-in (" + users.size() + " users)", cpu(app).between(c0, cpu(app).snapshot()));
        log("app: %,d users signed in in %.1f s (%,.0f/s, %d threads)", users.size(), signInSeconds, users.size() / signInSeconds, threads);
        idleUsers.addAll(users);
        t0 = System.nanoTime();
        specs.clear();
        for (int i = 0; i < pairsWanted; i++) {
            Pair p = new Pair("app", i);
            Api.Session caller = users.get(2 * i);
            Api.Session callee = users.get(2 * i + 1);
            p.callerToken = caller.token();
            p.calleeToken = callee.token();
            p.callerAddress = caller.address();
            p.calleeAddress = callee.address();
            appPairs.add(p);
            specs.add(new SocketSpec(appWs + "?device=bench-a", caller.token(), publicUrl, "app-" + i + "a"));
            specs.add(new SocketSpec(appWs + "?device=bench-b", callee.token(), publicUrl, "app-" + i + "b"));
        }
        sockets = openAll(specs, 64, this::onText);
        for (int i = 0; i < pairsWanted; i++) {
            attach(appPairs.get(i), sockets.get(2 * i), sockets.get(2 * i + 1));
        }
        log("app: %,d sockets open in %.1f s", sockets.size(), secondsSince(t0));
    }

    /** Step 4 alone ({@code --only idle}): just the users the idle sockets sign in as, no pairs and no calls. */
    private void signInIdleUsers() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Api api = new Api(http, options.get("app-url"), publicUrl);
        api.awaitHealthy(Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        idleUsers.addAll(signIn(api, (int) options.getLong("idle-users", 400), (int) options.getLong("sign-in-threads", 8)));
        log("app: %,d users signed in in %.1f s", idleUsers.size(), secondsSince(t0));
    }

    /** Puts every app pair in an accepted and connected call (a call not reported connected ends after 30 s). */
    private void establish() throws Exception {
        long t0 = System.nanoTime();
        CallDriver calls = new CallDriver(appPairs, false, (int) options.getLong("setup-concurrency", 16) * 2);
        driver = calls;
        calls.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (calls.connected.get() + calls.failures.get() < appPairs.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int established = 0;
        for (Pair p : appPairs) {
            if (p.established && p.callId != null) {
                p.frames(p.callId, (int) results.number("candidateBytes"), (int) results.number("offerBytes"));
                established++;
            }
        }
        results.put("relayCalls.established", established);
        results.put("relayCalls.perSecond", established / secondsSince(t0));
        log("app: %,d calls up in %.1f s (%,.0f/s)%s", established, secondsSince(t0), established / secondsSince(t0),
            calls.firstError() == null ? "" : "; first error: " + calls.firstError());
        if (established < appPairs.size()) {
            results.put("relayCalls.firstError", calls.firstError());
            appPairs.removeIf(p -> !(p.established && p.callId != null));
            if (appPairs.isEmpty()) {
                throw new IllegalStateException("no call could be set up: " + calls.firstError());
            }
        }
    }

    /** Closed-loop load on both targets, candidates and offers mixed, not measured: the JIT compiles the relay paths. */
    private void warmUp() throws Exception {
        double seconds = options.getDouble("warmup", 15);
        if (seconds <= 0) {
            return;
        }
        for (Target target : List.of(bare, app)) {
            List<Pair> pairs = pairs(target);
            AtomicLong relayed = new AtomicLong();
            AtomicReference<Boolean> running = new AtomicReference<>(true);
            phase = (end, kind, sent, at) -> {
                relayed.incrementAndGet();
                if (running.get()) {
                    end.socket().send(end.pair().frame(kind == 'c' ? 'o' : 'c', System.nanoTime()));
                }
            };
            for (Pair p : pairs) {
                p.a.send(p.frame('c', System.nanoTime()));
                p.b.send(p.frame('o', System.nanoTime()));
            }
            Thread.sleep((long) (seconds * 500));
            running.set(false);
            Thread.sleep(1000);
            log("warm-up %s: %,d frames relayed in %.0f s", target.name(), relayed.get(), seconds / 2 + 1);
            results.put("warmup." + target.name() + ".relayed", relayed.get());
        }
        phase = null;
    }

    /** CPU both targets use with every socket open and no traffic (timers, heartbeats, the app's event processors polling). */
    private void idleCpu() throws Exception {
        double seconds = options.getDouble("idle-cpu-seconds", 5);
        long app0 = Proc.cpuTicks(app.pid());
        long bare0 = Proc.cpuTicks(bare.pid());
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        double elapsed = secondsSince(t0);
        results.put("idleCpu.app.cores", (Proc.cpuTicks(app.pid()) - app0) / (double) clkTck / elapsed);
        results.put("idleCpu.bare.cores", (Proc.cpuTicks(bare.pid()) - bare0) / (double) clkTck / elapsed);
        log("no traffic, %.0f s: app %.3f cores, bare %.3f cores", elapsed, results.number("idleCpu.app.cores"), results.number("idleCpu.bare.cores"));
    }

    /** Open loop: {@code rate} frames/s round-robin over the pairs, alternating direction each round. */
    private void openLoop(Target target, char kind, double rate, double seconds) throws Exception {
        List<Pair> pairs = pairs(target);
        String key = "latency." + (kind == 'c' ? "candidate" : "offer") + "." + target.name() + ".";
        Latencies latencies = new Latencies();
        AtomicLong received = new AtomicLong();
        phase = (end, k, sent, at) -> {
            if (k == kind) {
                latencies.add(at - sent);
                received.incrementAndGet();
            }
        };
        long errors0 = errorFrames.get();
        CpuMeter meter = cpu(target);
        long total = Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        int n = pairs.size();
        long refused = 0;
        long maxLag = 0;
        CpuMeter.Snapshot c0 = meter.snapshot();
        long start = System.nanoTime() + 5_000_000;
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxLag = Math.max(maxLag, now - due);
            Pair p = pairs.get((int) (i % n));
            Socket from = ((i / n) & 1) == 0 ? p.a : p.b;
            if (!from.send(p.frame(kind, System.nanoTime()))) {
                refused++;
            }
        }
        long sentAll = System.nanoTime();
        long deadline = sentAll + TimeUnit.SECONDS.toNanos(5);
        while (received.get() < total - refused && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        CpuMeter.Split split = meter.between(c0, meter.snapshot());
        phase = null;
        Latencies.Summary s = latencies.summary();
        results.put(key + "rate", rate);
        results.put(key + "sent", total - refused);
        results.put(key + "received", received.get());
        results.put(key + "p50Ms", s.p50());
        results.put(key + "p90Ms", s.p90());
        results.put(key + "p99Ms", s.p99());
        results.put(key + "maxMs", s.max());
        results.put(key + "maxScheduleLagMs", maxLag / 1e6);
        results.put(key + "sendSeconds", (sentAll - start) / 1e9);
        results.put(key + "errorFrames", errorFrames.get() - errors0);
        double targetCpuSeconds = split.app() * split.seconds();
        results.put(key + "cpuSeconds", targetCpuSeconds);
        results.put(key + "cpuSecondsPer1000", received.get() == 0 ? Double.NaN : targetCpuSeconds / received.get() * 1000);
        double idleCores = results.number("idleCpu." + target.name() + ".cores");
        results.put(key + "cpuSecondsPer1000NetOfIdle", received.get() == 0 || Double.isNaN(idleCores) ? Double.NaN
            : (targetCpuSeconds - idleCores * split.seconds()) / received.get() * 1000);
        results.put(key + "generatorCpuSecondsPer1000", received.get() == 0 ? Double.NaN : split.generator() * split.seconds() / received.get() * 1000);
        results.cpu((kind == 'c' ? "300 B" : "4 KB") + " @ " + Math.round(rate) + "/s, " + target.name(), split);
        log("%s %s @ %,.0f/s: %s; received %,d of %,d; %s CPU %.3f s per 1,000; generator behind schedule at most %.1f ms",
            target.name(), kind == 'c' ? "300 B candidates" : "4 KB offers", rate, s.describe(), received.get(), total - refused, target.name(),
            results.number(key + "cpuSecondsPer1000"), maxLag / 1e6);
    }

    /**
     * Closed loop to saturation: every pair keeps {@code max-window} candidates in flight per side; a socket that
     * receives one sends the next to its peer at once. 2 s to settle, then relayed frames counted for {@code seconds}.
     */
    private void closedLoop(Target target, double seconds) throws Exception {
        List<Pair> pairs = pairs(target);
        int window = (int) options.getLong("max-window", 2);
        String key = "max." + target.name() + ".";
        AtomicLong relayed = new AtomicLong();
        Latencies latencies = new Latencies();
        AtomicReference<Boolean> running = new AtomicReference<>(true);
        AtomicReference<Boolean> measuring = new AtomicReference<>(false);
        phase = (end, kind, sent, at) -> {
            relayed.incrementAndGet();
            if (measuring.get()) {
                latencies.add(at - sent);
            }
            if (running.get()) {
                end.socket().send(end.pair().frame('c', System.nanoTime()));
            }
        };
        long errors0 = errorFrames.get();
        for (int w = 0; w < window; w++) {
            for (Pair p : pairs) {
                p.a.send(p.frame('c', System.nanoTime()));
                p.b.send(p.frame('c', System.nanoTime()));
            }
        }
        Thread.sleep(2000);
        CpuMeter meter = cpu(target);
        CpuMeter.Snapshot c0 = meter.snapshot();
        long r0 = relayed.get();
        measuring.set(true);
        Thread.sleep((long) (seconds * 1000));
        long r1 = relayed.get();
        CpuMeter.Split split = meter.between(c0, meter.snapshot());
        measuring.set(false);
        running.set(false);
        Thread.sleep(1500);
        phase = null;
        double perSecond = (r1 - r0) / split.seconds();
        Latencies.Summary s = latencies.summary();
        results.put(key + "msgsPerSecond", perSecond);
        results.put(key + "window", window);
        results.put(key + "inFlight", window * 2L * pairs.size());
        results.put(key + "p50Ms", s.p50());
        results.put(key + "p99Ms", s.p99());
        results.put(key + "errorFrames", errorFrames.get() - errors0);
        results.put(key + "targetCores", split.app());
        results.put(key + "generatorCores", split.generator());
        results.put(key + "cpuSecondsPer1000", split.app() / perSecond * 1000);
        results.cpu("max (closed loop), " + target.name(), split);
        log("%s max: %,.0f msgs/s (%,d in flight), latency %s; cores: %s", target.name(), perSecond, window * 2L * pairs.size(), s.describe(),
            split.describe());
    }

    private void hangUpRelayCalls() throws Exception {
        CallDriver calls = new CallDriver(List.of(), false, 0);
        driver = calls;
        calls.hangUpAll(appPairs);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (calls.hangUps.get() + calls.hangUpErrors.get() < calls.hangUpsSent.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        log("app: %,d relay calls hung up%s", calls.hangUps.get(), calls.firstError() == null ? "" : "; first error: " + calls.firstError());
        for (Pair p : appPairs) {
            p.failed = false;
        }
    }

    /** Closed loop of whole calls (invite → accept → connected, then hang-up), checked against the event store. */
    /** Step 5; the figures go under {@code key} ({@code setups.}; a warm-up's elsewhere, so the report ignores them). */
    private void setups(String key, double seconds) throws Exception {
        int concurrency = (int) options.getLong("setup-concurrency", 16);
        Map<String, Long> before = eventCounts();
        CallDriver calls = new CallDriver(appPairs, true, concurrency);
        driver = calls;
        CpuMeter meter = cpu(app);
        CpuMeter.Snapshot c0 = meter.snapshot();
        long t0 = System.nanoTime();
        calls.start();
        Thread.sleep((long) (seconds * 1000));
        long connectedInWindow = calls.connected.get();
        CpuMeter.Split split = meter.between(c0, meter.snapshot());
        double elapsed = secondsSince(t0);
        calls.stopIssuing();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((calls.inFlight() > 0 || calls.hangUps.get() + calls.hangUpErrors.get() < calls.hangUpsSent.get()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        Map<String, Long> after = eventCounts();
        Map<String, Long> delta = new LinkedHashMap<>();
        for (String type : List.of("CallInvited", "CallRinging", "CallAccepted", "CallConnected", "CallEnded")) {
            delta.put(type, after.getOrDefault(type, 0L) - before.getOrDefault(type, 0L));
        }
        Latencies.Summary s = calls.setupLatency.summary();
        results.put(key + "perSecond", connectedInWindow / elapsed);
        results.put(key + "concurrency", concurrency);
        results.put(key + "seconds", elapsed);
        results.put(key + "invites", calls.invites.get());
        results.put(key + "accepted", calls.accepted.get());
        results.put(key + "connected", calls.connected.get());
        results.put(key + "hangUps", calls.hangUps.get());
        results.put(key + "failures", calls.failures.get());
        results.put(key + "firstError", calls.firstError());
        results.put(key + "p50Ms", s.p50());
        results.put(key + "p99Ms", s.p99());
        results.put(key + "rows", delta);
        results.put(key + "appCpuMsPerSetup", split.app() * split.seconds() / Math.max(1, connectedInWindow) * 1000);
        results.put(key + "postgresCpuMsPerSetup", split.postgres() * split.seconds() / Math.max(1, connectedInWindow) * 1000);
        if (key.equals("setups.")) {
            results.cpu("call set-ups, concurrency " + concurrency, split);
        }
        log("app: %,.0f call set-ups/s (concurrency %d), set-up %s; invites %,d, connected %,d, hang-ups %,d, failures %,d; rows %s",
            connectedInWindow / elapsed, concurrency, s.describe(), calls.invites.get(), calls.connected.get(), calls.hangUps.get(),
            calls.failures.get(), delta);
    }

    /** RSS of the target before and after {@code count} more idle sockets, each after a full GC (jcmd GC.run). */
    private void idle(Target target, int count) throws Exception {
        String key = "idle." + target.name() + ".";
        int users = (int) Math.max(1, Math.min(options.getLong("idle-users", 400), idleUsers.size()));
        IntFunction<SocketSpec> spec = idleSockets(target, "idle-");
        long pid = target.pid();
        long rssNoGc0 = Proc.rssKiB(pid);
        boolean gc = Proc.fullGc(pid);
        Thread.sleep(1000);
        long rss0 = Proc.rssKiB(pid);
        long heap0 = Proc.heapUsedKiB(pid);
        long fds0 = Proc.openFiles(pid);
        Map<String, long[]> histogram0 = options.flag("no-histogram") ? Map.of() : Proc.histogram(pid);
        String dumps = options.get("heap-dumps", null);
        if (dumps != null) {
            Proc.heapDump(pid, Path.of(dumps, target.name() + "-before.hprof"));
            Proc.nativeMemory(pid, Path.of(dumps, target.name() + "-before-nmt.txt"));
        }
        long t0 = System.nanoTime();
        List<SocketSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(spec.apply(i));
        }
        List<Socket> sockets = openAll(specs, 128, null);
        double openSeconds = secondsSince(t0);
        Thread.sleep(3000);
        long rssNoGc1 = Proc.rssKiB(pid);
        Proc.fullGc(pid);
        Thread.sleep(1000);
        long rss1 = Proc.rssKiB(pid);
        long heap1 = Proc.heapUsedKiB(pid);
        long fds1 = Proc.openFiles(pid);
        if (dumps != null) {
            Proc.heapDump(pid, Path.of(dumps, target.name() + "-after.hprof"));
            Proc.nativeMemory(pid, Path.of(dumps, target.name() + "-after-nmt.txt"));
            log("%s heap dumps (before and after the idle sockets) in %s", target.name(), dumps);
        }
        if (!histogram0.isEmpty()) {
            List<String> grown = Proc.grown(histogram0, Proc.histogram(pid), count, 14);
            results.put(key + "heapPerSocketByClass", grown);
            log("%s heap per idle socket, by class (bytes, instances): %s", target.name(), String.join("; ", grown));
        }
        long stillOpen = sockets.stream().filter(s -> s.closeReason() == null).count();
        sockets.forEach(Socket::close);
        results.put(key + "sockets", count);
        results.put(key + "users", target == app ? users : 0);
        results.put(key + "openSeconds", openSeconds);
        results.put(key + "stillOpen", stillOpen);
        results.put(key + "fullGc", gc);
        results.put(key + "rssBeforeKiB", rss0);
        results.put(key + "rssAfterKiB", rss1);
        results.put(key + "rssPerSocketKiB", (rss1 - rss0) / (double) count);
        results.put(key + "rssNoGcPerSocketKiB", (rssNoGc1 - rss0) / (double) count);
        results.put(key + "rssBeforeFirstGcKiB", rssNoGc0);
        results.put(key + "heapPerSocketKiB", heap0 < 0 || heap1 < 0 ? Double.NaN : (heap1 - heap0) / (double) count);
        results.put(key + "fdsAdded", fds1 - fds0);
        log("%s idle: %,d sockets (%,d still open) in %.1f s; RSS %,d → %,d KiB after full GCs = %.2f KiB per socket (without GC %.2f);"
                + " heap in use %.2f KiB per socket; fds +%,d", target.name(), count, stillOpen, openSeconds, rss0, rss1,
            results.number(key + "rssPerSocketKiB"), results.number(key + "rssNoGcPerSocketKiB"), results.number(key + "heapPerSocketKiB"),
            fds1 - fds0);
        Thread.sleep(2000);
    }

    /** {@code --only idle}: no relay step ran, so the socket path is cold; opening and closing some sockets warms it up. */
    private void warmSocketPath() throws Exception {
        int count = (int) options.getLong("idle-warm-up", 1000);
        for (Target target : List.of(bare, app)) {
            IntFunction<SocketSpec> spec = idleSockets(target, "warm-");
            List<SocketSpec> specs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                specs.add(spec.apply(i));
            }
            long fds = Proc.openFiles(target.pid());
            openAll(specs, 128, null).forEach(Socket::close);
            awaitClosed(target, fds);
        }
        log("socket path warmed: %,d sockets opened and closed on each target", count);
    }

    /**
     * Waits (at most 30 s) until {@code target} holds about as many open files as the {@code fds} it had before the
     * sockets opened: the ones closed are gone (a few more, such as a pooled database connection, are let pass).
     */
    private static void awaitClosed(Target target, long fds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Proc.openFiles(target.pid()) > fds + 32 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private IntFunction<SocketSpec> idleSockets(Target target, String prefix) {
        if (target == bare) {
            return i -> new SocketSpec(bareWs + "?pair=" + prefix + i + "&side=a", null, null, prefix + i);
        }
        if (idleUsers.isEmpty()) {
            throw new IllegalStateException("no signed-in users");
        }
        int users = (int) Math.max(1, Math.min(options.getLong("idle-users", 400), idleUsers.size()));
        return i -> {
            Api.Session user = idleUsers.get(i % users);
            return new SocketSpec(appWs + "?device=" + prefix + (i / users), user.token(), publicUrl, prefix + i);
        };
    }

    // ---------------------------------------------------------------- plumbing

    private void onText(Socket socket, String text, long at) {
        if (!(socket.tag instanceof Pair.End end)) {
            return;
        }
        int marker = Pair.markerAt(text);
        if (marker >= 0) { // only signal frames carry the stamp
            Phase current = phase;
            if (current != null) {
                current.stamped(end, text.charAt(marker + 4), Pair.stamp(text, marker), at);
            }
            return;
        }
        if (text.contains("\"type\":\"error\"")) {
            errorFrames.incrementAndGet();
            firstErrorFrame.compareAndSet(null, socket.name + ": " + text);
        }
        CallDriver current = driver;
        if (current != null && end.pair().target.equals("app")) {
            current.onFrame(end, text);
        }
    }

    private static void attach(Pair p, Socket a, Socket b) {
        p.a = a;
        p.b = b;
        a.tag = p.callerEnd;
        b.tag = p.calleeEnd;
    }

    private List<Pair> pairs(Target target) {
        return target == app ? appPairs : barePairs;
    }

    private List<Socket> openAll(List<SocketSpec> specs, int parallel, Socket.Handler handler) throws Exception {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<Socket>> futures = new ArrayList<>(specs.size());
        for (SocketSpec s : specs) {
            permits.acquire();
            CompletableFuture<Socket> future = Socket.open(wsClient, s.uri(), s.token(), s.origin(), s.name(), handler);
            future.whenComplete((socket, error) -> permits.release());
            futures.add(future);
        }
        List<Socket> sockets = new ArrayList<>(specs.size());
        for (CompletableFuture<Socket> future : futures) {
            sockets.add(future.get(60, TimeUnit.SECONDS));
        }
        return sockets;
    }

    private List<Api.Session> signIn(Api api, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Api.Session>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "user-" + i;
                int n = i + 1;
                futures.add(pool.submit(() -> {
                    Api.Session session = api.signIn(name, Wallet.random());
                    if (n % 500 == 0) {
                        log("  signed in %,d of %,d", n, count);
                    }
                    return session;
                }));
            }
            List<Api.Session> sessions = new ArrayList<>();
            for (Future<Api.Session> f : futures) {
                sessions.add(f.get(120, TimeUnit.SECONDS));
            }
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Long> eventCounts() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = database.connect(); Statement st = c.createStatement();
             ResultSet rows = st.executeQuery("SELECT payload_type, count(*) FROM domain_event_entry"
                 + " WHERE payload_type LIKE 'com.callvault.api.calls.%' GROUP BY payload_type")) {
            while (rows.next()) {
                String type = rows.getString(1);
                counts.put(type.substring(type.lastIndexOf('.') + 1), rows.getLong(2));
            }
        }
        return counts;
    }

    private CpuMeter cpu(Target target) {
        return new CpuMeter(target.pid(), postmasterPid, database.name(), clkTck);
    }

    private long postmasterPid() {
        try (Connection connection = database.connect()) {
            String directory = Database.queryString(connection, "SHOW data_directory");
            Path pidFile = Path.of(directory, "postmaster.pid");
            if (Files.isReadable(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
                return Files.exists(Path.of("/proc", Long.toString(pid))) ? pid : 0;
            }
        } catch (Exception e) {
            // not local, or no permission: PostgreSQL's CPU is then counted under "other"
        }
        return 0;
    }

    private void closeAll() {
        for (List<Pair> pairs : List.of(barePairs, appPairs)) {
            for (Pair p : pairs) {
                if (p.a != null) {
                    p.a.close();
                }
                if (p.b != null) {
                    p.b.close();
                }
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) {
        try {
            step.run();
        } catch (Exception | Error e) {
            phase = null;
            results.error(name, e);
            log("step '%s' broke: %s", name, e);
            e.printStackTrace();
        }
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
    }
}
