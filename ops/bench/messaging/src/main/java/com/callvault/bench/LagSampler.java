package com.callvault.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples, every {@code periodMillis} on its own connection, the event store's head (max global_index) and every
 * tracking processor's token index. Lag of a processor = head − its index. Also gives the event append rate
 * (head growth) over sliding one-second windows.
 */
final class LagSampler implements AutoCloseable {

    record Sample(long nanos, long head, Map<String, Long> positions) {

        long lag(String processor) {
            Long index = positions.get(processor);
            return index == null ? head : Math.max(0, head - index);
        }
    }

    private final Database database;
    private final long periodMillis;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;
    private volatile String failure;
    private Thread thread;

    LagSampler(Database database, long periodMillis) {
        this.database = database;
        this.periodMillis = periodMillis;
    }

    LagSampler start() {
        thread = Thread.ofPlatform().name("lag-sampler").daemon().start(this::run);
        return this;
    }

    private void run() {
        try (Connection connection = database.connect()) {
            long next = System.nanoTime();
            while (running) {
                long at = System.nanoTime();
                long head = Tokens.head(connection);
                Map<String, Long> positions = Tokens.positions(connection);
                synchronized (samples) {
                    samples.add(new Sample(at, head, positions));
                }
                next += periodMillis * 1_000_000L;
                long sleep = (next - System.nanoTime()) / 1_000_000L;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e.toString();
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    Sample latest() {
        synchronized (samples) {
            return samples.isEmpty() ? null : samples.getLast();
        }
    }

    String failure() {
        return failure;
    }

    /** Waits until a sample taken after {@code afterNanos} shows every processor at lag 0; answers that sample's time or -1. */
    long awaitCaughtUp(long afterNanos, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            for (Sample sample : samples()) {
                if (sample.nanos() >= afterNanos && !sample.positions().isEmpty()
                    && sample.positions().keySet().stream().allMatch(p -> sample.lag(p) == 0)) {
                    return sample.nanos();
                }
            }
            if (failure != null) {
                return -1;
            }
            Thread.sleep(periodMillis / 2);
        }
        return -1;
    }

    /** Max lag per processor over the samples in [from, to). */
    Map<String, Long> maxLag(long fromNanos, long toNanos) {
        Map<String, Long> max = new TreeMap<>();
        for (Sample sample : samples()) {
            if (sample.nanos() >= fromNanos && sample.nanos() < toNanos) {
                for (String processor : sample.positions().keySet()) {
                    max.merge(processor, sample.lag(processor), Math::max);
                }
            }
        }
        return max;
    }

    /** The highest head growth over any one-second span of samples within [from, to), events/s. */
    double peakEventRate(long fromNanos, long toNanos) {
        List<Sample> window = samples().stream().filter(s -> s.nanos() >= fromNanos && s.nanos() < toNanos).toList();
        double peak = 0;
        for (int i = 0; i < window.size(); i++) {
            for (int j = i + 1; j < window.size(); j++) {
                long span = window.get(j).nanos() - window.get(i).nanos();
                if (span >= 950_000_000L) {
                    peak = Math.max(peak, (window.get(j).head() - window.get(i).head()) / (span / 1e9));
                    break;
                }
            }
        }
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2000);
        }
    }
}
