package com.callvault.api.calls;

import java.time.Instant;

/** A call was placed; it rings until {@code ringsUntil} ({@code invitedAt} + the ring timeout). */
public record CallInvited(String callId, String caller, String callee, String media, String callerDevice,
                          long ringTimeoutMillis, Instant ringsUntil, Instant invitedAt) implements CallEvent {

    public static CallInvited of(InviteCall command) {
        return new CallInvited(command.callId().value(), command.caller().value(), command.callee().value(),
            command.media().wireName(), command.callerDevice(), command.ringTimeout().toMillis(),
            command.at().plus(command.ringTimeout()), command.at());
    }
}
