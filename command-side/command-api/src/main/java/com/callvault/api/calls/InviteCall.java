package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Places a call from {@code caller}'s device to every device of {@code callee}. The call rings until
 * {@code at + ringTimeout} (default {@link CallLimits#DEFAULT_RING_TIMEOUT}), then ends with no answer.
 * Sending the same invite again answers the call's status and creates nothing.
 */
public record InviteCall(@TargetAggregateIdentifier CallId callId, Address caller, Address callee, CallMedia media,
                         String callerDevice, Instant at, Duration ringTimeout) {

    public InviteCall {
        if (callId == null || caller == null || callee == null || media == null || at == null) {
            throw new IllegalArgumentException("callId, caller, callee, media and at are required");
        }
        ringTimeout = ringTimeout == null ? CallLimits.DEFAULT_RING_TIMEOUT : ringTimeout;
    }

    /** A new call with a fresh time-ordered id and the default ring timeout. */
    public static InviteCall newCall(Address caller, Address callee, CallMedia media, String callerDevice, Instant at) {
        return new InviteCall(CallId.newId(), caller, callee, media, callerDevice, at, null);
    }
}
