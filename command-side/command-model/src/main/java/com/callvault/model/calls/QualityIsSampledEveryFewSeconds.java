package com.callvault.model.calls;

import com.callvault.api.calls.CallLimits;
import java.time.Instant;

/**
 * A participant's samples are kept at most once per {@link CallLimits#QUALITY_SAMPLE_INTERVAL}: an hour-long
 * call then writes at most ~1,440 small events, while a client that samples faster for its live indicator
 * still gets every score back.
 */
final class QualityIsSampledEveryFewSeconds {

    private QualityIsSampledEveryFewSeconds() {
    }

    static boolean keeps(Instant lastKept, Instant at) {
        return lastKept == null || !at.isBefore(lastKept.plus(CallLimits.QUALITY_SAMPLE_INTERVAL));
    }
}
