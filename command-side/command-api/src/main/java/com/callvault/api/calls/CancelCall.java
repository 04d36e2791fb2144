package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The caller gives up before the call is answered. */
public record CancelCall(@TargetAggregateIdentifier CallId callId, Address caller, Instant at) {
}
