package com.callvault.api.calls;

import java.time.Instant;

/**
 * A further connected report after {@link CallConnected}: the other participant's view, or a new candidate pair
 * after an ICE restart. A report identical to that participant's previous one writes nothing.
 */
public record ConnectionReported(String callId, String reportedBy, String device, long timeToConnectMillis,
                                 String localCandidateType, String remoteCandidateType, String protocol, boolean relayed,
                                 Instant reportedAt) implements CallEvent {

    public static ConnectionReported of(MarkCallConnected command) {
        return new ConnectionReported(command.callId().value(), command.participant().value(), command.device(),
            command.timeToConnectMillis(), command.localCandidateType().wireName(), command.remoteCandidateType().wireName(),
            command.protocol().wireName(), CallConnected.relayed(command), command.at());
    }
}
