package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The callee rejects the call from {@code device}: every device stops ringing and the call ends declined. */
public record DeclineCall(@TargetAggregateIdentifier CallId callId, Address callee, String device, Instant at) {
}
