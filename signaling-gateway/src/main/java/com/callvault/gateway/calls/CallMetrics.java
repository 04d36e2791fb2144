package com.callvault.gateway.calls;

import com.callvault.api.calls.CallConnected;
import com.callvault.api.calls.CallEnded;
import com.callvault.api.calls.CallInvited;
import com.callvault.api.calls.EndReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Call metrics for Prometheus, counted by the instance that commits each event (so sums across instances are
 * right): {@code callvault_calls_invited_total}, {@code callvault_calls_ended_total{outcome,reason}}, the
 * set-up time from answer to media ({@code callvault_call_setup_seconds}), {@code callvault_calls_connected_total{relayed}}
 * for the relay share, and {@code callvault_calls_active}: calls answered and not ended that this instance
 * routes.
 */
@Component
class CallMetrics {

    private final MeterRegistry registry;
    private final Counter invited;
    private final Map<Boolean, Counter> connected = new ConcurrentHashMap<>();
    private final Map<EndReason, Map<String, Counter>> ended = new EnumMap<>(EndReason.class);
    private final Timer setup;
    private final DistributionSummary duration;

    CallMetrics(MeterRegistry registry, CallRoutes routes) {
        this.registry = registry;
        this.invited = Counter.builder("callvault.calls.invited").description("Calls placed").register(registry);
        this.setup = Timer.builder("callvault.call.setup").description("From answer to media connected (server time)")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50)).maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
        this.duration = DistributionSummary.builder("callvault.call.connected.duration").baseUnit("seconds")
            .description("How long calls were connected").register(registry);
        for (EndReason reason : EndReason.values()) {
            ended.put(reason, new ConcurrentHashMap<>());
        }
        Gauge.builder("callvault.calls.active", routes, CallRoutes::answeredAndLive).description("Answered calls not yet ended, routed by this instance")
            .register(registry);
        // every series exists from the start at zero: a rate over a series that does not exist yet is "no data", not 0
        connectedCounter(true);
        connectedCounter(false);
        for (EndReason reason : EndReason.values()) {
            endedCounter(reason, EndReason.outcome(reason, false));
            if (!reason.unanswered()) { // only an answered call can have had media
                endedCounter(reason, EndReason.outcome(reason, true));
            }
        }
    }

    void invited(CallInvited event) {
        invited.increment();
    }

    void connected(CallConnected event) {
        connectedCounter(event.relayed()).increment();
    }

    private Counter connectedCounter(boolean relayed) {
        return connected.computeIfAbsent(relayed, r -> Counter.builder("callvault.calls.connected")
            .description("Calls whose media connected, by whether a TURN relay carries it")
            .tag("relayed", r.toString()).register(registry));
    }

    private Counter endedCounter(EndReason reason, String outcome) {
        return ended.get(reason).computeIfAbsent(outcome, o -> Counter.builder("callvault.calls.ended").description("Calls ended")
            .tag("outcome", o).tag("reason", reason.wireName()).register(registry));
    }

    void ended(CallEnded event) {
        EndReason reason = EndReason.fromWireName(event.reason());
        String outcome = EndReason.outcome(reason, event.connectedMillis() != null);
        endedCounter(reason, outcome).increment();
        if (event.setupMillis() != null) {
            setup.record(Duration.ofMillis(event.setupMillis()));
        }
        if (event.connectedMillis() != null) {
            duration.record(event.connectedMillis() / 1000.0);
        }
    }
}
