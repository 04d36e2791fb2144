package com.callvault.gateway.diagnostics;

import com.callvault.gateway.ice.health.TurnHealth;
import com.callvault.gateway.ice.health.TurnHealthSnapshot;
import com.callvault.gateway.ice.health.TurnServerHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * The {@code turn} check's live half: what the background TURN health checks ({@link TurnHealth}) last saw, server by
 * server. Every server down is a {@code fail} (calls that need a relay fail, and {@code /api/ice-servers} hands out
 * the configured list anyway); some down a {@code warn} (they are left out); checks turned off a {@code warn}.
 * {@code GET /api/admin/ice-verify} tests every URI afresh; docs/turn-troubleshooting.md explains each verdict.
 */
final class TurnHealthReport implements TurnHealthSummary {

    private final TurnHealth health;

    TurnHealthReport(TurnHealth health) {
        this.health = health;
    }

    @Override
    public Mono<CheckResult> summary() {
        return Mono.fromSupplier(() -> report(health.snapshot()));
    }

    static CheckResult report(TurnHealthSnapshot snapshot) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", snapshot.enabled());
        details.put("intervalSeconds", snapshot.interval().toSeconds());
        details.put("allDown", snapshot.allDown());
        details.put("lastRoundAt", snapshot.lastRoundAt() == null ? null : snapshot.lastRoundAt().toString());
        details.put("servers", snapshot.servers().stream().map(TurnHealthReport::server).toList());
        if (!snapshot.enabled()) {
            return snapshot.servers().isEmpty()
                ? CheckResult.ok("No TURN servers to health-check.", details)
                : CheckResult.warn("TURN health checks are off (TURN_HEALTH_ENABLED=false): a TURN server that stops relaying stays in "
                    + "/api/ice-servers. Check them with GET /api/admin/ice-verify.", details);
        }
        if (snapshot.lastRoundAt() == null) {
            return CheckResult.ok("The first TURN health check has not run yet.", details);
        }
        List<TurnServerHealth> down = snapshot.servers().stream().filter(server -> !server.usable()).toList();
        int total = snapshot.servers().size();
        if (snapshot.allDown()) {
            return CheckResult.fail("Every TURN server failed its health checks (" + causes(down) + "); /api/ice-servers hands out the "
                + "configured list unchanged, and calls that need a relay fail. See docs/turn-troubleshooting.md.", details);
        }
        if (!down.isEmpty()) {
            return CheckResult.warn(down.size() + " of " + total + " TURN servers are down and left out of /api/ice-servers ("
                + causes(down) + "). See docs/turn-troubleshooting.md.", details);
        }
        return CheckResult.ok("The TURN health checks found " + (total == 1 ? "the TURN server" : "all " + total + " TURN servers")
            + " relaying (last round " + snapshot.lastRoundAt() + ").", details);
    }

    private static String causes(List<TurnServerHealth> down) {
        return down.stream()
            .map(server -> server.server() + ": " + (server.lastVerdict() == null ? "not checked" : server.lastVerdict().code())
                + (server.lastDetail() == null ? "" : " — " + server.lastDetail()))
            .collect(Collectors.joining("; "));
    }

    private static Map<String, Object> server(TurnServerHealth server) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("server", server.server());
        details.put("state", server.state().code());
        details.put("since", server.since() == null ? null : server.since().toString());
        details.put("lastCheckAt", server.lastCheckAt() == null ? null : server.lastCheckAt().toString());
        details.put("lastVerdict", server.lastVerdict() == null ? null : server.lastVerdict().code());
        details.put("lastDetail", server.lastDetail());
        details.put("lastCheckMillis", server.lastCheckMillis());
        details.put("consecutiveFailures", server.consecutiveFailures());
        return details;
    }
}
