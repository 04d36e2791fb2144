package com.callvault.gateway.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code callvault_push_sent_total{kind, outcome}}: what became of each try to push to one device. {@code kind} is
 * {@code call}, {@code call-ended} or {@code message}; {@code outcome} one of {@link Outcome}. Plus
 * {@code callvault_push_queued}: pushes waiting to be sent or retried.
 */
final class PushMetrics {

    enum Outcome {
        /** The push service took it (2xx). */
        DELIVERED,
        /** 404/410: the subscription is gone and was removed. */
        GONE,
        /** 429, 5xx or a failed connection: it will be tried again. */
        RETRIED,
        /** Still failing after the last attempt. */
        FAILED,
        /** Refused for good by the push service (another 4xx: bad VAPID token, payload too large, ...). */
        REJECTED,
        /** Its TTL passed before it could be delivered: no use sending it any more. */
        EXPIRED,
        /** The queue was full. */
        DROPPED,
        /** A newer push with the same topic replaced it before it was sent. */
        SUPERSEDED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The kinds {@link PushNotifier} sends. */
    static final List<String> KINDS = List.of("call", "call-ended", "message");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    PushMetrics(MeterRegistry registry, Supplier<Number> queued) {
        this.registry = registry;
        io.micrometer.core.instrument.Gauge.builder("callvault.push.queued", queued).description("Pushes waiting to be sent or retried")
            .register(registry);
        // every series exists from the start at zero: a rate over a series that does not exist yet is "no data", not 0
        for (String kind : KINDS) {
            for (Outcome outcome : Outcome.values()) {
                counter(kind, outcome);
            }
        }
    }

    void count(String kind, Outcome outcome) {
        counter(kind, outcome).increment();
    }

    private Counter counter(String kind, Outcome outcome) {
        return counters.computeIfAbsent(kind + "/" + outcome.tag(), key -> Counter.builder("callvault.push.sent")
            .description("Tries to push to one device, by kind and outcome").tag("kind", kind).tag("outcome", outcome.tag())
            .register(registry));
    }
}
