package com.callvault.gateway.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The metrics of an Axon component, with the names and tags of Axon's dimensional monitors, at a fraction of their
 * cost per message: event processors ({@code eventProcessor.*}, tagged {@code processorName} and {@code payloadType};
 * the latency gauge {@code processorName} only) and the command bus, event store and query bus
 * ({@code commandBus.*} and so on, tagged {@code payloadType}). Axon's monitors look every meter up in the registry
 * at every message (eleven lookups), parse every event's timestamp from text for the latency gauge and keep every
 * handling time of the last ten minutes for the capacity gauge: together about a fifth of a processor's time under
 * load, and a twentieth of a command's. Here the meters are looked up once per payload type, the latency is taken
 * from at most one event per {@link #LATENCY_SAMPLE}, and the capacity is summed in buckets.
 */
final class AxonMessageMonitor implements MessageMonitor<Message<?>> {

    static final String PROCESSOR_PREFIX = "eventProcessor";
    static final Duration LATENCY_SAMPLE = Duration.ofMillis(100);
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(2)};

    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer all, Timer successTimer, Timer failureTimer, Timer ignoredTimer, BusyTime busy) {
    }

    private final String prefix;
    private final Tags componentTags;
    private final boolean latency;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ConcurrentMap<Class<?>, Meters> meters = new ConcurrentHashMap<>();
    private final AtomicLong latencyMillis = new AtomicLong();
    private final AtomicLong nextLatencySample = new AtomicLong(Long.MIN_VALUE);

    private AxonMessageMonitor(String prefix, Tags componentTags, boolean latency, MeterRegistry registry, Clock clock) {
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.latency = latency;
        this.registry = registry;
        this.clock = clock;
        if (latency) {
            Gauge.builder(prefix + ".latency", latencyMillis::get).tags(componentTags).register(registry);
        }
    }

    /** An event processor's monitor, with its latency gauge. */
    static AxonMessageMonitor processor(String processor, MeterRegistry registry, Clock clock) {
        return new AxonMessageMonitor(PROCESSOR_PREFIX, Tags.of("processorName", processor), true, registry, clock);
    }

    /** The monitor of a bus or of the event store: meters named {@code component.*}. */
    static AxonMessageMonitor component(String component, MeterRegistry registry, Clock clock) {
        return new AxonMessageMonitor(component, Tags.empty(), false, registry, clock);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters m = meters.computeIfAbsent(message.getPayloadType(), this::metersFor);
        m.ingested().increment();
        long start = clock.monotonicTime();
        sampleLatency(message, start);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long took = done(m);
                m.successTimer().record(took, TimeUnit.NANOSECONDS);
                m.success().increment();
                m.processed().increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                long took = done(m);
                m.failureTimer().record(took, TimeUnit.NANOSECONDS);
                m.failure().increment();
                m.processed().increment();
            }

            @Override
            public void reportIgnored() {
                long took = done(m);
                m.ignoredTimer().record(took, TimeUnit.NANOSECONDS);
                m.ignored().increment();
            }

            private long done(Meters m) {
                long now = clock.monotonicTime();
                long took = now - start;
                m.all().record(took, TimeUnit.NANOSECONDS);
                m.busy().add(now, took);
                return took;
            }
        };
    }

    private void sampleLatency(Message<?> message, long now) {
        long next = nextLatencySample.get();
        if (latency && message instanceof EventMessage<?> event && now >= next
            && nextLatencySample.compareAndSet(next, now + LATENCY_SAMPLE.toNanos())) {
            latencyMillis.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
        }
    }

    private Meters metersFor(Class<?> payloadType) {
        Tags tags = Tags.of("payloadType", payloadType.getSimpleName()).and(componentTags);
        BusyTime busy = new BusyTime();
        Gauge.builder(prefix + ".capacity", () -> busy.capacity(clock.monotonicTime())).tags(tags).register(registry);
        return new Meters(counter("ingestedCounter", tags), counter("successCounter", tags), counter("failureCounter", tags),
            counter("processedCounter", tags), counter("ignoredCounter", tags),
            timer("allTimer", tags, true), timer("successTimer", tags, false), timer("failureTimer", tags, false),
            timer("ignoredTimer", tags, false), busy);
    }

    private Counter counter(String name, Tags tags) {
        return registry.counter(prefix + "." + name, tags);
    }

    /**
     * {@code allTimer} has histogram buckets at {@link #BUCKETS} (quantiles in Prometheus, summed across instances); the
     * success, failure and ignored timers count, sum and keep the maximum. Axon's timers compute six percentiles in the
     * app over a ten-minute window instead: three HdrHistograms updated per timer and message, ≈ 4 % of a command's CPU,
     * and percentiles that cannot be added up across instances.
     */
    private Timer timer(String name, Tags tags, boolean buckets) {
        Timer.Builder builder = Timer.builder(prefix + "." + name).tags(tags);
        if (buckets) {
            builder.serviceLevelObjectives(BUCKETS);
        }
        return builder.register(registry);
    }
}
