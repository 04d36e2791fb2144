package com.callvault.gateway.metrics;

import java.time.Duration;

/**
 * The time spent handling events over the last {@link #WINDOW} (Axon's capacity window), as a fraction of it:
 * 1.0 is a processor busy all the time. Summed per {@link #BUCKET}, so it costs the same at any event rate.
 */
final class BusyTime {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration BUCKET = Duration.ofSeconds(10);

    private static final long BUCKET_NANOS = BUCKET.toNanos();
    private static final int BUCKETS = (int) (WINDOW.toNanos() / BUCKET_NANOS);

    private final long[] busyNanos = new long[BUCKETS];
    private final long[] bucketNumbers = new long[BUCKETS];

    /** {@code took} nanoseconds of handling that ended at {@code now} (monotonic nanoseconds). */
    synchronized void add(long now, long took) {
        long bucket = Math.floorDiv(now, BUCKET_NANOS);
        int slot = (int) Math.floorMod(bucket, (long) BUCKETS);
        if (bucketNumbers[slot] != bucket) {
            bucketNumbers[slot] = bucket;
            busyNanos[slot] = 0;
        }
        busyNanos[slot] += took;
    }

    synchronized double capacity(long now) {
        long current = Math.floorDiv(now, BUCKET_NANOS);
        long busy = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            if (current - bucketNumbers[slot] < BUCKETS) {
                busy += busyNanos[slot];
            }
        }
        return (double) busy / WINDOW.toNanos();
    }
}
