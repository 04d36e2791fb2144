package com.callvault.bench.calls;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Does signaling latency change while the app sends pushes (issue 7)? Run by ops/bench/push.sh with the app running
 * (push on, http endpoints admitted). Call pairs in connected calls relay 300 B candidates open loop at a fixed rate
 * (as ops/bench/calls does) in windows of three kinds, repeated {@code rounds} times: no pushes; messages to people
 * without push subscriptions (the messaging work alone); messages to people with {@code devices} subscriptions each at a
 * push service in this process (message rate × devices pushes/s offered; offered beyond what the app sends, they
 * queue in it, and the pushes received are its sustained rate).
 * Prints each window's latency, the pushes/s received, the CPU split, each kind pooled over the rounds, and PASS/FAIL:
 * pooled p99 with pushes at most max(1.5 × baseline p99, baseline p99 + 1 ms), the baseline being the messages-only
 * windows: the same messages at the same rate, the pushes they cause being the only difference. The no-push windows
 * show what the messaging work itself costs signaling.
 */
public final class PushBenchmark {

    private final Options options;
    private final Api api;
    private final String appWs;
    private final String publicUrl;
    private final long appPid;
    private final Database database;
    private final long clkTck;
    private final reactor.netty.http.client.HttpClient wsClient = reactor.netty.http.client.HttpClient.newConnection()
        .responseTimeout(Duration.ofSeconds(30));
    private final List<Pair> pairs = new ArrayList<>();
    private final AtomicLong errorFrames = new AtomicLong();
    private volatile CallDriver driver;
    private volatile Latencies measuring;
    private long postmasterPid;

    /** One measured window. */
    record Window(String name, Latencies.Summary latency, long sent, long received, double pushesPerSecond, long messagesSent,
                  CpuMeter.Split cpu, Latencies samples) {
    }

    private PushBenchmark(Options options) {
        this.options = options;
        this.publicUrl = options.get("public-url");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.api = new Api(http, options.get("app-url"), publicUrl);
        this.appWs = options.get("app-url").replaceFirst("^http", "ws").replaceFirst("/$", "") + "/ws";
        this.appPid = options.getLong("app-pid", 0);
        this.database = new Database(options.get("database-url"));
        this.clkTck = options.getLong("clk-tck", 100);
    }

    public static void main(String[] args) throws Exception {
        System.exit(new PushBenchmark(Options.parse(args)).run());
    }

    /** The app's {@code PushSubscriptionStore.MAX_PER_USER}. */
    static final int MAX_SUBSCRIPTIONS_PER_USER = 20;

    private int run() throws Exception {
        int pairCount = (int) options.getLong("pairs", 200);
        int recipients = (int) options.getLong("recipients", 100);
        int devices = (int) options.getLong("devices", 20);
        if (devices < 1 || devices > MAX_SUBSCRIPTIONS_PER_USER) {
            // the app keeps a user's newest 20 subscriptions: more would not add pushes, only wrong "offered" figures
            throw new IllegalArgumentException("--devices is 1 to " + MAX_SUBSCRIPTIONS_PER_USER + " (the app keeps that many push "
                + "subscriptions per user); offer more pushes with a higher --message-rate");
        }
        double rate = options.getDouble("rate", 2000);
        double seconds = options.getDouble("seconds", 15);
        double messageRate = options.getDouble("message-rate", 30);
        double lead = options.getDouble("lead", 3);
        postmasterPid = postmasterPid();
        api.awaitHealthy(Duration.ofSeconds(60));
        try (PushLoad load = PushLoad.start()) {
            List<Api.Session> users = signIn(2 * pairCount + 2 * recipients + 1);
            Api.Session sender = users.getLast();
            openPairs(users.subList(0, 2 * pairCount));
            establish();
            List<Api.Session> pushed = users.subList(2 * pairCount, 2 * pairCount + recipients);
            List<Api.Session> control = users.subList(2 * pairCount + recipients, 2 * pairCount + 2 * recipients);
            subscribe(load, pushed, devices);
            List<PushLoad.Conversation> toPushed = conversations(sender, pushed);
            List<PushLoad.Conversation> toControl = conversations(sender, control);
            log("%,d call pairs connected; %,d recipients with %d push subscriptions each, %,d without; sender %s",
                pairs.size(), pushed.size(), devices, control.size(), sender.address());

            double warmup = options.getDouble("warmup", 60);
            log("warm-up: %.0f s of signaling and pushes, not measured", warmup);
            load.startSending(api, toPushed, messageRate);
            window("warm-up", rate, warmup, load);
            load.stopSending();
            drained(load);

            int rounds = (int) options.getLong("rounds", 3);
            List<Window> windows = new ArrayList<>();
            Map<String, Double> outcomes = new TreeMap<>();
            double queuedAtEnd = 0;
            for (int round = 1; round <= rounds; round++) {
                windows.add(window("no pushes #" + round, rate, seconds, load));
                windows.add(withMessages("messages only #" + round, load, toControl, messageRate, lead, rate, seconds, null));
                Map<String, Double> outcomes0 = pushOutcomes();
                double[] queued = new double[1];
                windows.add(withMessages("messages + pushes #" + round, load, toPushed, messageRate, lead, rate, seconds,
                    () -> queued[0] = metric("callvault_push_queued")));
                queuedAtEnd = Math.max(queuedAtEnd, queued[0]);
                difference(pushOutcomes(), outcomes0).forEach((k, v) -> outcomes.merge(k, v, Double::sum));
            }
            report(windows, load, outcomes, queuedAtEnd, messageRate * devices, rate);
            return errorFrames.get() == 0 ? 0 : 2;
        } finally {
            pairs.forEach(p -> {
                p.a.close();
                p.b.close();
            });
        }
    }

    private Window withMessages(String name, PushLoad load, List<PushLoad.Conversation> to, double messageRate, double lead, double rate,
                                double seconds, Runnable atEnd) throws Exception {
        load.startSending(api, to, messageRate);
        Thread.sleep((long) (lead * 1000)); // the app is pushing at full rate before the window starts
        Window window = window(name, rate, seconds, load);
        if (atEnd != null) {
            atEnd.run();
        }
        load.stopSending();
        drained(load);
        return window;
    }

    /** Open loop: {@code rate} candidates/s round-robin over the pairs, alternating direction each round. */
    private Window window(String name, double rate, double seconds, PushLoad load) throws Exception {
        Latencies latencies = new Latencies();
        long total = Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        CpuMeter meter = new CpuMeter(appPid, postmasterPid, database.name(), clkTck);
        long pushes0 = load.received.get();
        long messages0 = load.sent.get();
        CpuMeter.Snapshot c0 = meter.snapshot();
        measuring = latencies;
        long start = System.nanoTime() + 5_000_000;
        for (long i = 0; i < total; i++) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Pair p = pairs.get((int) (i % pairs.size()));
            (((i / pairs.size()) & 1) == 0 ? p.a : p.b).send(p.frame('c', System.nanoTime()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (latencies.count() < total && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        CpuMeter.Split split = meter.between(c0, meter.snapshot());
        measuring = null;
        double pushesPerSecond = (load.received.get() - pushes0) / split.seconds();
        Window window = new Window(name, latencies.summary(), total, latencies.count(), pushesPerSecond, load.sent.get() - messages0, split,
            latencies);
        log("%-22s %s; received %,d of %,d; pushes %,.0f/s; cores: %s", name, window.latency().describe(), window.received(), total,
            pushesPerSecond, split.describe());
        return window;
    }

    /** Waits until the app has nothing left to push and the push service has stopped receiving. */
    private void drained(PushLoad load) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = load.received.get();
            if (metric("callvault_push_queued") == 0 && now == last) {
                return;
            }
            last = now;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the app still had pushes queued after 180 s");
    }

    /** The windows whose name starts with {@code kind}, their samples pooled. */
    private static Latencies.Summary pooled(List<Window> windows, String kind) {
        Latencies pooled = new Latencies();
        windows.stream().filter(w -> w.name().startsWith(kind)).forEach(w -> w.samples().forEach(pooled::add));
        return pooled.summary();
    }

    private static double mean(List<Window> windows, String kind, java.util.function.ToDoubleFunction<Window> value) {
        return windows.stream().filter(w -> w.name().startsWith(kind)).mapToDouble(value).average().orElse(Double.NaN);
    }

    private void report(List<Window> windows, PushLoad load, Map<String, Double> outcomes, double queuedAtEnd, double offered, double rate) {
        System.out.println();
        System.out.printf("Signaling relay latency, 300 B call.signal candidates at %,.0f/s over %,d connected calls (one-way, ms)%n", rate, pairs.size());
        System.out.printf("%-24s %8s %8s %8s %13s %10s %9s   %s%n", "window", "p50", "p99", "max", "relayed", "messages/s", "pushes/s",
            "cores: app / PostgreSQL / generator+push service / other / idle");
        for (Window w : windows) {
            System.out.printf("%-24s %8.2f %8.2f %8.2f %13s %10.0f %9.0f   %.2f / %.2f / %.2f / %.2f / %.2f%n", w.name(), w.latency().p50(),
                w.latency().p99(), w.latency().max(), w.received() + "/" + w.sent(), w.messagesSent() / w.cpu().seconds(), w.pushesPerSecond(),
                w.cpu().app(), w.cpu().postgres(), w.cpu().generator(), w.cpu().other(), w.cpu().idle());
        }
        Latencies.Summary base = pooled(windows, "no pushes");
        Latencies.Summary messages = pooled(windows, "messages only");
        Latencies.Summary pushing = pooled(windows, "messages + pushes");
        System.out.println();
        System.out.printf("%-24s %8s %8s %8s %10s%n", "pooled over the rounds", "p50", "p99", "max", "pushes/s");
        System.out.printf("%-24s %8.2f %8.2f %8.2f %10s%n", "no pushes", base.p50(), base.p99(), base.max(), "0");
        System.out.printf("%-24s %8.2f %8.2f %8.2f %10s%n", "messages only (baseline)", messages.p50(), messages.p99(), messages.max(), "0");
        double pushesPerSecond = mean(windows, "messages + pushes", Window::pushesPerSecond);
        System.out.printf("%-24s %8.2f %8.2f %8.2f %10.0f%n", "messages + pushes", pushing.p50(), pushing.p99(), pushing.max(), pushesPerSecond);
        System.out.println();
        double limit = Math.max(1.5 * messages.p99(), messages.p99() + 1.0);
        boolean complete = windows.stream().allMatch(w -> w.received() == w.sent());
        boolean pass = pushing.p99() <= limit && complete && errorFrames.get() == 0;
        System.out.printf("pushes: %,.0f/s received by the push service in the push windows (mean), %,.0f/s offered (%s messages/s × %s"
                + " subscriptions); idle CPU in those windows %.2f of %d cores (mean); most queued in the app at a window's end: %,.0f%n",
            pushesPerSecond, offered, options.get("message-rate", "30"), options.get("devices", "20"),
            mean(windows, "messages + pushes", w -> w.cpu().idle()), windows.getFirst().cpu().cores(), queuedAtEnd);
        System.out.printf("push outcomes from the first message to the window's end (callvault_push_sent_total, all rounds): %s"
            + " (superseded: a newer push to the same device and conversation replaced one still waiting); malformed at the push service: %d%n",
            outcomes, load.malformed.get());
        System.out.printf("with pushes / messages only (the baseline): p50 %.2f, p99 %.2f (%.2f ms vs %.2f ms); messages only / no pushes:"
                + " p99 %.2f (%.2f ms vs %.2f ms)%n", pushing.p50() / messages.p50(), pushing.p99() / messages.p99(), pushing.p99(), messages.p99(),
            messages.p99() / base.p99(), messages.p99(), base.p99());
        System.out.printf("%s: p99 with pushes %.2f ms ≤ max(1.5 × messages-only p99, messages-only p99 + 1 ms) = %.2f ms%s%s%n", pass ? "PASS" : "FAIL",
            pushing.p99(), limit, complete ? "" : "; frames were lost", errorFrames.get() == 0 ? "" : "; error frames: " + errorFrames.get());
    }

    // ---------------------------------------------------------------- set-up

    private List<Api.Session> signIn(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool((int) options.getLong("sign-in-threads", 8));
        try {
            List<Future<Api.Session>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "push-user-" + i;
                futures.add(pool.submit(() -> api.signIn(name, Wallet.random())));
            }
            List<Api.Session> sessions = new ArrayList<>();
            for (Future<Api.Session> f : futures) {
                sessions.add(f.get(120, TimeUnit.SECONDS));
            }
            log("%,d users signed in", sessions.size());
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    private void openPairs(List<Api.Session> users) throws Exception {
        List<CompletableFuture<Socket>> futures = new ArrayList<>();
        for (int i = 0; i < users.size() / 2; i++) {
            Pair p = new Pair("app", i);
            Api.Session caller = users.get(2 * i);
            Api.Session callee = users.get(2 * i + 1);
            p.callerAddress = caller.address();
            p.calleeAddress = callee.address();
            pairs.add(p);
            futures.add(Socket.open(wsClient, appWs + "?device=bench-a", caller.token(), publicUrl, "a" + i, this::onText));
            futures.add(Socket.open(wsClient, appWs + "?device=bench-b", callee.token(), publicUrl, "b" + i, this::onText));
        }
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            p.a = futures.get(2 * i).get(60, TimeUnit.SECONDS);
            p.b = futures.get(2 * i + 1).get(60, TimeUnit.SECONDS);
            p.a.tag = p.callerEnd;
            p.b.tag = p.calleeEnd;
        }
    }

    /** Every pair in an accepted and connected call, its signal frames prepared. */
    private void establish() throws Exception {
        CallDriver calls = new CallDriver(pairs, false, 32);
        driver = calls;
        calls.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (calls.connected.get() + calls.failures.get() < pairs.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        pairs.removeIf(p -> !(p.established && p.callId != null));
        if (pairs.isEmpty()) {
            throw new IllegalStateException("no call could be set up: " + calls.firstError());
        }
        pairs.forEach(p -> p.frames(p.callId, 300, 4096));
    }

    private void subscribe(PushLoad load, List<Api.Session> recipients, int devices) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Api.Session r : recipients) {
                for (int d = 0; d < devices; d++) {
                    String device = r.address() + "/" + d;
                    futures.add(pool.submit(() -> api.subscribePush(r, load.subscription(device))));
                }
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<PushLoad.Conversation> conversations(Api.Session sender, List<Api.Session> with) {
        return with.stream().map(r -> new PushLoad.Conversation(sender, api.startConversation(sender, r.address()))).toList();
    }

    // ---------------------------------------------------------------- plumbing

    private void onText(Socket socket, String text, long at) {
        if (!(socket.tag instanceof Pair.End end)) {
            return;
        }
        int marker = Pair.markerAt(text);
        if (marker >= 0) {
            Latencies current = measuring;
            if (current != null) {
                current.add(at - Pair.stamp(text, marker));
            }
            return;
        }
        if (text.contains("\"type\":\"error\"")) {
            if (errorFrames.incrementAndGet() == 1) {
                log("first error frame on %s: %s", socket.name, text);
            }
        }
        CallDriver current = driver;
        if (current != null) {
            current.onFrame(end, text);
        }
    }

    /** The sum of a Prometheus metric's series (0 when absent). */
    private double metric(String name) {
        return api.prometheus().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** callvault_push_sent_total by outcome. */
    private Map<String, Double> pushOutcomes() {
        Map<String, Double> byOutcome = new TreeMap<>();
        api.prometheus().lines().filter(l -> l.startsWith("callvault_push_sent_total{")).forEach(l -> {
            int at = l.indexOf("outcome=\"");
            String outcome = l.substring(at + 9, l.indexOf('"', at + 9));
            byOutcome.merge(outcome, Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)), Double::sum);
        });
        return byOutcome;
    }

    private static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
        return delta;
    }

    private long postmasterPid() {
        try (Connection connection = database.connect()) {
            Path pidFile = Path.of(Database.queryString(connection, "SHOW data_directory"), "postmaster.pid");
            if (Files.isReadable(pidFile)) {
                return Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            }
        } catch (Exception e) {
            // not local, or no permission: PostgreSQL's CPU is then counted under "other"
        }
        return 0;
    }

    private static void log(String format, Object... args) {
        CallsBenchmark.log(format, args);
    }
}
