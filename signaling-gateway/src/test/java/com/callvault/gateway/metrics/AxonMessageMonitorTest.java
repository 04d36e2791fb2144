package com.callvault.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

class AxonMessageMonitorTest {

    record Sent(String text) {
    }

    record Registered(String who) {
    }

    final MockClock clock = new MockClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    final AxonMessageMonitor monitor = AxonMessageMonitor.processor("read-models", registry, clock);

    @Test
    void counts_and_times_each_outcome_under_axons_names_per_payload_type() {
        handle(new Sent("a"), Duration.ofMillis(3)).reportSuccess();
        handle(new Sent("b"), Duration.ofMillis(5)).reportFailure(new IllegalStateException("boom"));
        handle(new Registered("c"), Duration.ofMillis(1)).reportIgnored();

        assertThat(count("eventProcessor.ingestedCounter", "Sent")).isEqualTo(2);
        assertThat(count("eventProcessor.successCounter", "Sent")).isEqualTo(1);
        assertThat(count("eventProcessor.failureCounter", "Sent")).isEqualTo(1);
        assertThat(count("eventProcessor.processedCounter", "Sent")).isEqualTo(2);
        assertThat(count("eventProcessor.ignoredCounter", "Registered")).isEqualTo(1);
        assertThat(count("eventProcessor.processedCounter", "Registered")).isZero();
        assertThat(timer("eventProcessor.allTimer", "Sent").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(8);
        assertThat(timer("eventProcessor.successTimer", "Sent").count()).isEqualTo(1);
        assertThat(timer("eventProcessor.failureTimer", "Sent").count()).isEqualTo(1);
        assertThat(timer("eventProcessor.ignoredTimer", "Registered").count()).isEqualTo(1);
        // the handling-time histogram: cumulative counts at 1, 5, 25 ms ...
        assertThat(java.util.Arrays.stream(timer("eventProcessor.allTimer", "Sent").takeSnapshot().histogramCounts())
            .limit(3).mapToDouble(io.micrometer.core.instrument.distribution.CountAtBucket::count).toArray())
            .containsExactly(0, 2, 2);
    }

    @Test
    void capacity_is_the_share_of_the_last_ten_minutes_spent_handling() {
        handle(new Sent("a"), Duration.ofSeconds(6)).reportSuccess();
        assertThat(capacity("Sent")).isEqualTo(0.01);

        clock.add(Duration.ofMinutes(11));
        assertThat(capacity("Sent")).isZero();
    }

    @Test
    void latency_is_how_old_a_recent_event_was_when_handled() {
        clock.add(Duration.ofSeconds(100));
        Instant wall = Instant.ofEpochMilli(clock.wallTime());
        handle(new Sent("a"), wall.minusMillis(250), Duration.ZERO).reportSuccess();
        assertThat(latency()).isEqualTo(250);

        // within the sampling interval an event does not move the gauge; after it, the next one does
        handle(new Sent("b"), wall.minusMillis(900), Duration.ZERO).reportSuccess();
        assertThat(latency()).isEqualTo(250);
        clock.add(AxonMessageMonitor.LATENCY_SAMPLE);
        handle(new Sent("c"), Instant.ofEpochMilli(clock.wallTime()).minusMillis(40), Duration.ZERO).reportSuccess();
        assertThat(latency()).isEqualTo(40);
    }

    @Test
    void a_bus_counts_and_times_under_its_own_name_tagged_by_payload_type_only() {
        AxonMessageMonitor commandBus = AxonMessageMonitor.component("commandBus", registry, clock);
        MonitorCallback callback = commandBus.onMessageIngested(new GenericCommandMessage<>(new Registered("d")));
        clock.add(Duration.ofMillis(2));
        callback.reportSuccess();

        assertThat(registry.get("commandBus.successCounter").tags("payloadType", "Registered").counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.successCounter").counter().getId().getTags()).hasSize(1);
        assertThat(registry.get("commandBus.allTimer").tags("payloadType", "Registered").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2);
        assertThat(registry.find("commandBus.latency").gauge()).as("no latency gauge for a bus").isNull();
    }

    private MonitorCallback handle(Object payload, Duration took) {
        return handle(payload, Instant.ofEpochMilli(clock.wallTime()), took);
    }

    private MonitorCallback handle(Object payload, Instant at, Duration took) {
        MonitorCallback callback = monitor.onMessageIngested(new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), at));
        clock.add(took);
        return callback;
    }

    private double count(String name, String payloadType) {
        return registry.get(name).tags("payloadType", payloadType, "processorName", "read-models").counter().count();
    }

    private Timer timer(String name, String payloadType) {
        return registry.get(name).tags("payloadType", payloadType, "processorName", "read-models").timer();
    }

    private double capacity(String payloadType) {
        return registry.get("eventProcessor.capacity").tags("payloadType", payloadType, "processorName", "read-models").gauge().value();
    }

    private double latency() {
        return registry.get("eventProcessor.latency").tags("processorName", "read-models").gauge().value();
    }
}
