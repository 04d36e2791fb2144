package com.callvault.api.calls;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reported by the server: the callee is in another call on one of their devices, so this one ends busy. */
public record EndCallAsBusy(@TargetAggregateIdentifier CallId callId, Instant at) {
}
