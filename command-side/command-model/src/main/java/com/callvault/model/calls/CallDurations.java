package com.callvault.model.calls;

import com.callvault.api.calls.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** The server-measured phases of a call, for {@code CallEnded}. */
final class CallDurations {

    private CallDurations() {
    }

    /** Invite → answer, or → end when nobody answered. */
    static long ringing(Instant invitedAt, Instant acceptedAt, Instant endedAt) {
        return millis(invitedAt, acceptedAt != null ? acceptedAt : endedAt);
    }

    /** Answer → connected; null when the call never connected. */
    static Long setup(Instant acceptedAt, Instant connectedAt) {
        return acceptedAt == null || connectedAt == null ? null : millis(acceptedAt, connectedAt);
    }

    /**
     * Connected → end; null when the call never connected. A lost connection counts only up to the moment it
     * dropped: after that nobody knows whether media still flowed, so billing does not charge it.
     */
    static Long connected(Instant connectedAt, EndReason reason, Collection<Instant> disconnectedSince, Instant endedAt) {
        if (connectedAt == null) {
            return null;
        }
        Instant until = reason == EndReason.CONNECTION_LOST
            ? disconnectedSince.stream().min(Instant::compareTo).orElse(endedAt)
            : endedAt;
        return millis(connectedAt, until);
    }

    private static long millis(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
