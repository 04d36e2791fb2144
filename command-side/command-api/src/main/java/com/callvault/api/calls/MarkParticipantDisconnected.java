package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reported by the server: the socket of a participant's device in the call dropped. The call waits
 * {@link CallLimits#RECONNECT_GRACE} for it, then ends with connection lost.
 */
public record MarkParticipantDisconnected(@TargetAggregateIdentifier CallId callId, Address participant, String device, Instant at) {
}
