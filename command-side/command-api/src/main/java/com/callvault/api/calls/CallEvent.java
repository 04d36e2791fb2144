package com.callvault.api.calls;

/**
 * Events of the {@code Call} aggregate: a stored contract (names, packages and field shapes stay; a change of
 * shape gets {@code @Revision} and an upcaster). Times are server time; addresses are EIP-55; enums are stored
 * by wire name ({@code no-answer}, {@code relay}, {@code video}), as clients and read models spell them.
 */
public sealed interface CallEvent
    permits CallInvited, CallRinging, CallAccepted, CallConnected, ConnectionReported, CallQualitySampled, CallQualitySummarised,
    IceFailed, ParticipantDisconnected, ParticipantReconnected, CalleeFoundOffline, CallReplacedInGlare, CallEnded {

    String callId();
}
