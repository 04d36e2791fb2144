package com.callvault.gateway.ice.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code callvault_turn_server_up{server}} (1 until the server is found down, then 0),
 * {@code callvault_turn_checks_total{server, outcome}} (outcome: the check's verdict code, {@code ok} when a relay was
 * allocated) and {@code callvault_turn_check_duration_seconds{server}}.
 */
final class TurnHealthMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> checks = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    TurnHealthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void server(String server, Supplier<Boolean> up) {
        Gauge.builder("callvault.turn.server.up", () -> up.get() ? 1 : 0).description("1 while the TURN server is handed out, 0 once "
            + "its health checks found it down").tag("server", server).register(registry);
    }

    void checked(String server, String outcome, Duration took) {
        checks.computeIfAbsent(server + "/" + outcome, key -> Counter.builder("callvault.turn.checks")
            .description("TURN health checks, by server and outcome (a verdict of ice-verify)").tag("server", server)
            .tag("outcome", outcome).register(registry)).increment();
        durations.computeIfAbsent(server, key -> Timer.builder("callvault.turn.check.duration")
            .description("How long a TURN health check took (allocate and release)").tag("server", server).register(registry)).record(took);
    }
}
