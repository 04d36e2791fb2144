package com.callvault.gateway.ice.stun;

/** The TURN server answered with an error response. */
public record TurnRejected(int method, ErrorCode error) implements AllocateResult, RefreshResult {

    @Override
    public String toString() {
        return StunMethod.name(method) + " rejected: " + error;
    }
}
