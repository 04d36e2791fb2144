package com.callvault.gateway.ice.verify;

import com.callvault.gateway.ice.IceCheckSettings;
import com.callvault.gateway.ice.IceSettings;
import com.callvault.gateway.ice.IceUri;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks STUN/TURN URIs from this server, each on its own virtual thread, all at once, and never for longer than the
 * timeout allows: a check still running {@link #GRACE} after its timeout is stopped (its connection closed) and
 * reported as a {@link Verdict#TIMEOUT}, whatever it was blocked on (a name lookup, a handshake, a read).
 * Used by {@code GET /api/admin/ice-verify} and by the TURN health checks.
 */
public final class IceProber implements AutoCloseable {

    /** How long past its own deadline a check may take to report before it is stopped. */
    static final Duration GRACE = Duration.ofMillis(500);

    private final ProbeContext context;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ice-check-", 0).factory());

    public IceProber(IceSettings settings, IceCheckSettings checks, Clock clock) {
        this.context = new ProbeContext(new CheckCredentials(settings), checks.externalIps(), checks.tls(), clock);
    }

    /** Checks every URI in parallel; the results in the order of {@code uris}, within {@code timeout} + {@link #GRACE}. */
    public List<ProbeResult> probe(List<IceUri> uris, ProbeOptions options) {
        List<UriProbe> probes = uris.stream().map(uri -> new UriProbe(uri, context, options)).toList();
        List<Future<ProbeResult>> running = probes.stream().map(probe -> workers.submit(probe::run)).toList();
        long deadline = System.nanoTime() + options.timeout().plus(GRACE).toNanos();
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            results.add(await(probes.get(i), running.get(i), deadline));
        }
        return results;
    }

    private static ProbeResult await(UriProbe probe, Future<ProbeResult> running, long deadline) {
        try {
            return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            probe.abort();
            running.cancel(true);
            return probe.timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            probe.abort();
            running.cancel(true);
            return probe.timedOut();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a check failed unexpectedly", e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
