package com.callvault.gateway.calls;

import com.callvault.api.calls.CallLimits;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Call settings.
 *
 * @param ringTimeout how long a call rings when the invite names no timeout ({@code CALL_RING_TIMEOUT}, 45 s by
 *                    default, 1 s to 120 s)
 */
@ConfigurationProperties("callvault.calls")
public record CallSettings(@DurationUnit(ChronoUnit.SECONDS) Duration ringTimeout) {

    public CallSettings {
        ringTimeout = ringTimeout == null ? CallLimits.DEFAULT_RING_TIMEOUT : ringTimeout;
        if (ringTimeout.compareTo(CallLimits.MIN_RING_TIMEOUT) < 0 || ringTimeout.compareTo(CallLimits.MAX_RING_TIMEOUT) > 0) {
            throw new IllegalArgumentException("CALL_RING_TIMEOUT must be between " + CallLimits.MIN_RING_TIMEOUT.toSeconds() + "s and "
                + CallLimits.MAX_RING_TIMEOUT.toSeconds() + "s (a bare number is seconds), got " + ringTimeout.toMillis() + " ms");
        }
    }
}
