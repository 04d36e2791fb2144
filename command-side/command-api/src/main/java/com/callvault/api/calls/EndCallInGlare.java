package com.callvault.api.calls;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Glare: the two people called each other at once. This call ends, replaced by {@code keptCallId}, which must
 * be the lower id of the two ({@link CallId#winsGlareAgainst}), so both sides resolve it the same way.
 */
public record EndCallInGlare(@TargetAggregateIdentifier CallId callId, CallId keptCallId, Instant at) {
}
