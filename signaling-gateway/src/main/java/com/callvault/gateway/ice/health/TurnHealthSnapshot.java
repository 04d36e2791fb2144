package com.callvault.gateway.ice.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The TURN servers' health at one moment, for diagnostics.
 *
 * @param enabled    {@code TURN_HEALTH_ENABLED} and there are TURN servers to check
 * @param interval   {@code TURN_HEALTH_INTERVAL}
 * @param failures   {@code TURN_HEALTH_FAILURES}: failed checks in a row that take a server out
 * @param recoveries {@code TURN_HEALTH_RECOVERIES}: good checks in a row that bring it back
 * @param allDown    every TURN server is down: {@code /api/ice-servers} hands out the configured list unchanged
 * @param lastRoundAt when the last round of checks started (null before the first)
 * @param servers    per server, in the order of {@code TURN_URLS}
 */
public record TurnHealthSnapshot(boolean enabled, Duration interval, int failures, int recoveries, boolean allDown, Instant lastRoundAt,
                                 List<TurnServerHealth> servers) {

    public TurnHealthSnapshot {
        servers = List.copyOf(servers);
    }

    /** The servers handed out now. */
    public List<TurnServerHealth> usable() {
        return servers.stream().filter(TurnServerHealth::usable).toList();
    }
}
