package com.callvault.query.calls;

import java.time.Instant;

/**
 * One call as its participants see it in their history. {@code direction} is {@code outgoing} or {@code incoming}
 * for the asking user; {@code peer} the other party. While the call is live, {@code endedAt}, {@code outcome} and
 * {@code endReason} are null. {@code quality} is null when no sample was reported.
 */
public record CallView(String callId, String direction, String peer, String media, Instant invitedAt, Instant acceptedAt,
                       Instant connectedAt, Instant endedAt, String outcome, String endReason, String endedBy, Long ringingMillis,
                       Long setupMillis, Long durationMillis, boolean relayed, String localCandidateType, String remoteCandidateType,
                       String transport, Quality quality, Boolean pushSent) {

    /** The call's quality over every kept sample of both participants. */
    public record Quality(long samples, double mosAvg, double mosMin, double rttAvgMs, double jitterAvgMs, double lossAvgPercent,
                          double lossMaxPercent, double bitrateAvgKbps, long poorSamples) {
    }
}
