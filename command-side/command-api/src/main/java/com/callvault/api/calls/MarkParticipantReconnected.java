package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reported by the server: the device came back within the grace; the call goes on. */
public record MarkParticipantReconnected(@TargetAggregateIdentifier CallId callId, Address participant, String device, Instant at) {
}
