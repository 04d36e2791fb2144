package com.callvault.gateway.ice.health;

import com.callvault.gateway.ice.IceCheckSettings;
import com.callvault.gateway.ice.IceUri;
import com.callvault.gateway.ice.TurnAvailability;
import com.callvault.gateway.ice.verify.IceProber;
import com.callvault.gateway.ice.verify.ProbeOptions;
import com.callvault.gateway.ice.verify.ProbeResult;
import com.callvault.gateway.ice.verify.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background health checks of the TURN servers, and failover: every {@code TURN_HEALTH_INTERVAL} each server (the
 * {@code TURN_URLS} entries sharing a {@code host:port}) gets an Allocate over each of its URIs with a short-lived
 * credential, released at once. A server is up when any of its URIs allocates a relay. After
 * {@code TURN_HEALTH_FAILURES} failed checks in a row its URIs leave {@code /api/ice-servers}; after
 * {@code TURN_HEALTH_RECOVERIES} good ones they are back. When every server is down the list is handed out as
 * configured (a client may still get through where this server cannot), and {@link #snapshot()} says so.
 */
public final class TurnHealth implements TurnAvailability, AutoCloseable {

    /** Long enough that a clock difference of a few minutes with the TURN server does not fail the checks. */
    static final Duration CREDENTIAL_LIFETIME = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(TurnHealth.class);

    private final Map<String, List<IceUri>> servers = new LinkedHashMap<>();
    private final Map<String, AtomicReference<TurnServerHealth>> states = new LinkedHashMap<>();
    private final IceCheckSettings.Health settings;
    private final IceProber prober;
    private final Clock clock;
    private final TurnHealthMetrics metrics;
    private final boolean enabled;
    private volatile Instant lastRoundAt;
    private volatile boolean allDown;
    private ScheduledExecutorService scheduler;

    TurnHealth(List<IceUri> turnUris, IceCheckSettings.Health settings, IceProber prober, Clock clock, TurnHealthMetrics metrics) {
        for (IceUri uri : turnUris) {
            servers.computeIfAbsent(key(uri), k -> new ArrayList<>()).add(uri);
        }
        servers.forEach((server, uris) -> {
            AtomicReference<TurnServerHealth> state = new AtomicReference<>(TurnServerHealth.unknown(server, uris.stream().map(IceUri::toString).toList()));
            states.put(server, state);
            metrics.server(server, () -> state.get().usable());
        });
        this.settings = settings;
        this.prober = prober;
        this.clock = clock;
        this.metrics = metrics;
        this.enabled = settings.enabled() && !servers.isEmpty();
    }

    /** {@code host:port} as written in the URI (IPv6 in brackets). */
    static String key(IceUri uri) {
        return (uri.host().contains(":") ? "[" + uri.host() + "]" : uri.host()) + ":" + uri.effectivePort();
    }

    /** Starts the checks: the first round at once, then one every interval after the previous ended. */
    synchronized void start() {
        if (!enabled || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("turn-health").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::checkQuietly, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("TURN health checks on: {} server(s) {} every {} s; out after {} failed check(s) in a row, back after {} good one(s)",
            servers.size(), servers.keySet(), settings.interval().toSeconds(), settings.failures(), settings.recoveries());
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("A round of TURN health checks failed", e);
        }
    }

    /** One round: every server checked at once, within {@code TURN_HEALTH_TIMEOUT} (plus half a second). */
    void check() {
        Instant at = clock.instant();
        lastRoundAt = at;
        List<IceUri> all = servers.values().stream().flatMap(List::stream).toList();
        long started = System.nanoTime();
        List<ProbeResult> results = prober.probe(all, new ProbeOptions(false, settings.timeout(), CREDENTIAL_LIFETIME));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int next = 0;
        for (Map.Entry<String, List<IceUri>> server : servers.entrySet()) {
            List<ProbeResult> own = results.subList(next, next + server.getValue().size());
            next += own.size();
            record(server.getKey(), own, at, took);
        }
        boolean nowAllDown = states.values().stream().noneMatch(state -> state.get().usable());
        if (nowAllDown != allDown) {
            if (nowAllDown) {
                log.warn("Every TURN server is down: /api/ice-servers hands out TURN_URLS unchanged until one answers again");
            } else {
                log.info("A TURN server answers again: /api/ice-servers hands out only the servers that are up");
            }
            allDown = nowAllDown;
        }
    }

    private void record(String server, List<ProbeResult> results, Instant at, Duration took) {
        if (results.stream().allMatch(r -> r.verdict() == Verdict.NOT_TESTED)) {
            return; // nothing this server can check (DTLS only)
        }
        ProbeResult relaying = results.stream().filter(r -> r.verdict().relays()).findFirst().orElse(null);
        ProbeResult shown = relaying != null ? relaying
            : results.stream().filter(r -> r.verdict() != Verdict.NOT_TESTED).findFirst().orElseThrow();
        AtomicReference<TurnServerHealth> state = states.get(server);
        TurnServerHealth before = state.get();
        TurnServerHealth after = before.after(relaying != null, shown.verdict(), shown.detail(), at, took.toMillis(), results,
            settings.failures(), settings.recoveries());
        state.set(after);
        metrics.checked(server, shown.verdict().code(), took);
        if (after.state() != before.state()) {
            switch (after.state()) {
                case DOWN -> log.warn("TURN server {} is down after {} failed check(s) in a row ({}: {}); /api/ice-servers leaves out {} "
                    + "until it answers again", server, after.consecutiveFailures(), shown.verdict().code(), shown.detail(), after.uris());
                case UP -> log.info("TURN server {} is up{} ({} in {} ms)", server, before.state() == TurnServerHealth.State.DOWN
                    ? " again: /api/ice-servers hands it out" : "", shown.verdict().code(), shown.totalMillis());
                case UNKNOWN -> {
                    // never entered again
                }
            }
        }
    }

    @Override
    public List<IceUri> usable(List<IceUri> configured) {
        if (!enabled) {
            return configured;
        }
        List<IceUri> usable = configured.stream().filter(uri -> {
            AtomicReference<TurnServerHealth> state = states.get(key(uri));
            return state == null || state.get().usable();
        }).toList();
        return usable.isEmpty() ? configured : usable;
    }

    /** Each server's state, its last check and last verdict; cheap, for diagnostics. */
    public TurnHealthSnapshot snapshot() {
        List<TurnServerHealth> all = states.values().stream().map(AtomicReference::get).toList();
        return new TurnHealthSnapshot(enabled, settings.interval(), settings.failures(), settings.recoveries(),
            !all.isEmpty() && all.stream().noneMatch(TurnServerHealth::usable), lastRoundAt, all);
    }
}
