package com.callvault.api.calls;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reported by the server: the invite reached these devices (sessions) of the callee, which now ring. Sent
 * again when more devices come online; devices already ringing change nothing.
 */
public record RingCall(@TargetAggregateIdentifier CallId callId, List<String> devices, Instant at) {

    public RingCall {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
