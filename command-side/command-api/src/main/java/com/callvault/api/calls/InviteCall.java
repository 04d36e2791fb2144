package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Places a call from {@code caller}'s device to every device of {@code callee}. The call rings until
 * {@code at + ringTimeout} (default {@link CallLimits#DEFAULT_RING_TIMEOUT}), then ends with no answer.
 * {@code ringDevices}, when not empty, are the callee's devices the server found online: they ring at once, in the
 * same unit of work (a {@code RingCall} less per call). Sending the same invite again answers the call's status and
 * creates nothing.
 */
public record InviteCall(@TargetAggregateIdentifier CallId callId, Address caller, Address callee, CallMedia media,
                         String callerDevice, Instant at, Duration ringTimeout, List<String> ringDevices) {

    public InviteCall {
        if (callId == null || caller == null || callee == null || media == null || at == null) {
            throw new IllegalArgumentException("callId, caller, callee, media and at are required");
        }
        ringTimeout = ringTimeout == null ? CallLimits.DEFAULT_RING_TIMEOUT : ringTimeout;
        ringDevices = ringDevices == null ? List.of() : List.copyOf(ringDevices);
    }

    /** An invite that rings nothing yet (the server rings or reports the callee offline after it commits). */
    public InviteCall(CallId callId, Address caller, Address callee, CallMedia media, String callerDevice, Instant at, Duration ringTimeout) {
        this(callId, caller, callee, media, callerDevice, at, ringTimeout, List.of());
    }

    /** A new call with a fresh time-ordered id and the default ring timeout. */
    public static InviteCall newCall(Address caller, Address callee, CallMedia media, String callerDevice, Instant at) {
        return new InviteCall(CallId.newId(), caller, callee, media, callerDevice, at, null);
    }
}
