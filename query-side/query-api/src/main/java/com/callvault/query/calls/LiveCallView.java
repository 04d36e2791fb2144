package com.callvault.query.calls;

import java.time.Instant;

/**
 * A call that has not ended, as the server needs it to route signals and decide busy and glare. Addresses
 * are EIP-55; {@code state} is a {@code CallState} wire name ({@code invited}, {@code ringing},
 * {@code accepted}, {@code connected}); {@code calleeDevice} and {@code acceptedAt} are null until the call is answered.
 */
public record LiveCallView(String callId, String caller, String callee, String media, String state, String callerDevice,
                           String calleeDevice, Instant invitedAt, Instant ringsUntil, Instant acceptedAt) {

    public boolean answered() {
        return "accepted".equals(state) || "connected".equals(state);
    }

    public boolean involves(String address) {
        return caller.equalsIgnoreCase(address) || callee.equalsIgnoreCase(address);
    }
}
