package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A participant's device reports media connected (ICE connected): how long it took and which candidate pair
 * was selected. The first report connects the call; later ones (the other side, or a new pair after an ICE
 * restart) are recorded as further reports.
 */
public record MarkCallConnected(@TargetAggregateIdentifier CallId callId, Address participant, String device,
                                long timeToConnectMillis, CandidateType localCandidateType, CandidateType remoteCandidateType,
                                TransportProtocol protocol, Instant at) {
}
