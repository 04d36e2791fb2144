package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The callee answers on {@code device}. The first accept wins; the callee's other devices are answered elsewhere. */
public record AcceptCall(@TargetAggregateIdentifier CallId callId, Address callee, String device, Instant at) {
}
