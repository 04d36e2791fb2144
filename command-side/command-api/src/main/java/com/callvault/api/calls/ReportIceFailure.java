package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A participant's device gave up on ICE (after any ICE restart), with the candidate types it had gathered.
 * Ends the call: ICE failed before connecting, or after, depending on whether the call had connected.
 */
public record ReportIceFailure(@TargetAggregateIdentifier CallId callId, Address participant, String device,
                               Set<CandidateType> gatheredCandidateTypes, Instant at) {

    public ReportIceFailure {
        gatheredCandidateTypes = gatheredCandidateTypes == null ? Set.of() : Set.copyOf(gatheredCandidateTypes);
    }
}
