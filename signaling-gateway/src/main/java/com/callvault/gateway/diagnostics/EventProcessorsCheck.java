package com.callvault.gateway.diagnostics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import reactor.core.publisher.Mono;

/**
 * {@code event-processors}: in a running server, every event processor of this instance, running or not, in error or
 * not (with the error); for each its lag, the events between its slowest segment's stored token and the head of the
 * event store, whichever instance holds the segment, and the time lag {@code AxonMessageMonitor} samples here
 * ({@code eventProcessor_latency}). From the command line there are no processors in the process: the stored tokens
 * tell the lag and whether a running server holds each segment ({@link StoredTokens}).
 */
final class EventProcessorsCheck implements DiagnosticCheck {

    /** More events behind than this, and not caught up: warn. */
    static final long LAG_WARNING = 1_000;

    private final DiagnosticsDatabase database;
    private final Supplier<EventProcessingConfiguration> processing;
    private final Supplier<MeterRegistry> registry;

    EventProcessorsCheck(DiagnosticsDatabase database, Supplier<EventProcessingConfiguration> processing, Supplier<MeterRegistry> registry) {
        this.database = database;
        this.processing = processing;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "event-processors";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        if (!database.present()) {
            return Mono.just(DiagnosticsDatabase.absent());
        }
        EventProcessingConfiguration configuration = processing.get();
        return database.query(jdbc -> DiagnosticsDatabase.hasTable(jdbc, "token_entry") ? StoredTokens.read(jdbc) : null)
            .map(stored -> configuration == null ? StoredTokens.result(stored) : inProcess(configuration.eventProcessors(), stored))
            .defaultIfEmpty(CheckResult.warn(DiagnosticsDatabase.NO_SCHEMA, Map.of()));
    }

    private CheckResult inProcess(Map<String, EventProcessor> processors, StoredTokens.Snapshot stored) {
        long head = stored.head();
        List<String> stopped = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        Map<String, Object> byName = new LinkedHashMap<>();
        for (var entry : new TreeMap<>(processors).entrySet()) {
            String name = entry.getKey();
            EventProcessor processor = entry.getValue();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("type", processor instanceof TrackingEventProcessor ? "tracking" : processor.getClass().getSimpleName());
            facts.put("running", processor.isRunning());
            facts.put("error", processor.isError());
            if (!processor.isRunning()) {
                stopped.add(name);
            }
            if (processor.isError()) {
                failing.add(name);
            }
            if (processor instanceof TrackingEventProcessor tracking) {
                Map<Integer, EventTrackerStatus> segments = tracking.processingStatus();
                facts.put("segmentsHere", segments.size());
                for (EventTrackerStatus status : segments.values()) {
                    if (status.isErrorState() && status.getError() != null) {
                        facts.put("segmentError", Diagnostics.describe(status.getError()));
                        failing.add(name);
                    }
                }
                List<StoredTokens.Segment> tokens = stored.segments().stream().filter(t -> t.processor().equals(name)).toList();
                facts.put("segments", tokens.size());
                if (!tokens.isEmpty()) {
                    long lag = tokens.stream().mapToLong(t -> t.position() == null ? head : Math.max(0, head - t.position())).max().orElse(0);
                    facts.put("lagEvents", lag);
                    if (lag > LAG_WARNING) {
                        behind.add(name + " (" + lag + " events)");
                    }
                }
                latencyMillis(name).ifPresent(ms -> facts.put("latencyMillis", ms));
            }
            byName.put(name, facts);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("headGlobalIndex", head);
        details.put("processors", byName);
        if (!failing.isEmpty() || !stopped.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!stopped.isEmpty()) {
                problems.add("not running: " + String.join(", ", stopped));
            }
            if (!failing.isEmpty()) {
                problems.add("in error: " + String.join(", ", failing.stream().distinct().toList()));
            }
            return CheckResult.fail("Event processors " + String.join("; ", problems) + " (their read models or side effects stall; "
                + "see the log for the cause)", details);
        }
        if (!behind.isEmpty()) {
            return CheckResult.warn("Event processors behind the event store: " + String.join(", ", behind), details);
        }
        return CheckResult.ok(processors.size() + " event processors running, none behind (head of the event store: " + head + ")",
            details);
    }

    private java.util.Optional<Long> latencyMillis(String processor) {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return java.util.Optional.empty();
        }
        Gauge gauge = meters.find("eventProcessor.latency").tag("processorName", processor).gauge();
        return gauge == null ? java.util.Optional.empty() : java.util.Optional.of((long) gauge.value());
    }
}
