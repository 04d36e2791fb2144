package com.callvault.api.calls;

import java.time.Instant;
import java.util.List;

/**
 * A participant's device gave up on ICE. {@code gatheredCandidateTypes} (wire names, sorted) tell why, e.g. no
 * {@code relay} means TURN was unreachable. The call ends next, before or after connecting as
 * {@code afterConnecting} says.
 */
public record IceFailed(String callId, String reportedBy, String device, List<String> gatheredCandidateTypes,
                        boolean afterConnecting, Instant failedAt) implements CallEvent {

    public IceFailed {
        gatheredCandidateTypes = List.copyOf(gatheredCandidateTypes);
    }

    public static IceFailed of(ReportIceFailure command, boolean afterConnecting) {
        return new IceFailed(command.callId().value(), command.participant().value(), command.device(),
            command.gatheredCandidateTypes().stream().sorted().map(CandidateType::wireName).toList(), afterConnecting, command.at());
    }
}
