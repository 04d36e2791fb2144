package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A participant ends the call. Before an answer this is a cancel (caller) or a decline (callee), so a client
 * needs only one red button. Hanging up again answers without change.
 */
public record HangUpCall(@TargetAggregateIdentifier CallId callId, Address participant, Instant at) {
}
