package com.callvault.api.calls;

import java.time.Instant;

/**
 * Media flows: the first participant's device reported ICE connected, with its time to connect (as the client
 * measured it) and selected candidate pair. {@code relayed} is true when either end of the pair is a TURN relay.
 */
public record CallConnected(String callId, String reportedBy, String device, long timeToConnectMillis, String localCandidateType,
                            String remoteCandidateType, String protocol, boolean relayed, Instant connectedAt) implements CallEvent {

    public static CallConnected of(MarkCallConnected command) {
        return new CallConnected(command.callId().value(), command.participant().value(), command.device(),
            command.timeToConnectMillis(), command.localCandidateType().wireName(), command.remoteCandidateType().wireName(),
            command.protocol().wireName(), relayed(command), command.at());
    }

    static boolean relayed(MarkCallConnected command) {
        return command.localCandidateType() == CandidateType.RELAY || command.remoteCandidateType() == CandidateType.RELAY;
    }
}
