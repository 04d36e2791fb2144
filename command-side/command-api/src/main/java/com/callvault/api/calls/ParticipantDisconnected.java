package com.callvault.api.calls;

import java.time.Instant;

/** A participant's device lost its connection to the server; unless it is back by {@code graceUntil}, the call ends. */
public record ParticipantDisconnected(String callId, String participant, String device, Instant disconnectedAt, Instant graceUntil)
    implements CallEvent {
}
