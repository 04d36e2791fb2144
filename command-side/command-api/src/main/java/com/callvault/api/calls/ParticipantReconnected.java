package com.callvault.api.calls;

import java.time.Instant;

/** The device came back within the grace after {@code awayMillis}; the call goes on. */
public record ParticipantReconnected(String callId, String participant, String device, Instant reconnectedAt, long awayMillis)
    implements CallEvent {
}
