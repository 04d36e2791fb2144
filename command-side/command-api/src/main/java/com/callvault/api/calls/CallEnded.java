package com.callvault.api.calls;

import java.time.Instant;

/**
 * The call is over. {@code reason} is an {@link EndReason} wire name; {@code endedBy} the participant (EIP-55)
 * whose action or absence ended it (hung up, declined, cancelled, reported ICE failure, lost connection), or
 * {@code server} (no answer, peer offline, busy, glare, never connected).
 * Durations are server-measured, null when the phase never happened:
 * {@code ringingMillis} invite → answer (or → end if unanswered); {@code setupMillis} answer → connected;
 * {@code connectedMillis} connected → end, or → the moment the connection was lost for {@code connection-lost}
 * (the time both parties are known to have been connected, which is what billing may charge).
 * A call ended by a deadline has {@code endedAt} = the deadline's due time.
 */
public record CallEnded(String callId, String reason, String endedBy, String caller, String callee, long ringingMillis,
                        Long setupMillis, Long connectedMillis, Instant endedAt) implements CallEvent {
}
