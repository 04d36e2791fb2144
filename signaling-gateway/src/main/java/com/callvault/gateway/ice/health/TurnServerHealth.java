package com.callvault.gateway.ice.health;

import com.callvault.gateway.ice.verify.ProbeResult;
import com.callvault.gateway.ice.verify.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * One TURN server (its {@code TURN_URLS} entries with the same {@code host:port}) as the health checks last saw it.
 *
 * @param server               {@code host:port}
 * @param uris                 its entries in {@code TURN_URLS}
 * @param state                {@code unknown} until the first check, then {@code up} or {@code down}
 * @param since                when it entered this state (null while unknown)
 * @param consecutiveFailures  failed checks in a row
 * @param consecutiveSuccesses good checks in a row
 * @param lastCheckAt          when the last check started (null before the first)
 * @param lastVerdict          the last check's verdict: {@code ok} when any of its URIs allocated a relay, else the first failure
 * @param lastDetail           the last verdict in words
 * @param lastCheckMillis      how long the last check took
 * @param lastResults          the last check per URI
 */
public record TurnServerHealth(String server, List<String> uris, State state, Instant since, int consecutiveFailures,
                               int consecutiveSuccesses, Instant lastCheckAt, Verdict lastVerdict, String lastDetail, Long lastCheckMillis,
                               List<ProbeResult> lastResults) {

    public enum State {
        UNKNOWN, UP, DOWN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TurnServerHealth {
        uris = List.copyOf(uris);
        lastResults = List.copyOf(lastResults);
    }

    static TurnServerHealth unknown(String server, List<String> uris) {
        return new TurnServerHealth(server, uris, State.UNKNOWN, null, 0, 0, null, null, null, null, List.of());
    }

    /** Handed out in {@code /api/ice-servers}: until it is found down. */
    public boolean usable() {
        return state != State.DOWN;
    }

    /**
     * The state after a check: down after {@code failures} failed checks in a row, up again after {@code recoveries}
     * good ones; the first good check makes an unknown server up.
     */
    TurnServerHealth after(boolean relays, Verdict verdict, String detail, Instant at, long millis, List<ProbeResult> results,
                           int failures, int recoveries) {
        int failed = relays ? 0 : consecutiveFailures + 1;
        int succeeded = relays ? consecutiveSuccesses + 1 : 0;
        State next = state;
        if (relays && (state == State.UNKNOWN || (state == State.DOWN && succeeded >= recoveries))) {
            next = State.UP;
        } else if (!relays && state != State.DOWN && failed >= failures) {
            next = State.DOWN;
        }
        return new TurnServerHealth(server, uris, next, next == state ? since : at, failed, succeeded, at, verdict, detail, millis,
            results);
    }
}
