package com.callvault.bench.calls;

import java.util.Arrays;

/** A growable, thread-safe list of latencies in nanoseconds, with percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void forEach(java.util.function.LongConsumer consumer) {
        for (int i = 0; i < size; i++) {
            consumer.accept(values[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** p in [0, 100]; nearest-rank. NaN when empty. */
    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), size == 0 ? Double.NaN : sorted[size - 1] / 1e6,
            size == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Milliseconds. */
    record Summary(int count, double p50, double p90, double p99, double max, double mean) {

        String describe() {
            return String.format("n=%d p50=%.2f p90=%.2f p99=%.2f max=%.2f ms", count, p50, p90, p99, max);
        }
    }
}
