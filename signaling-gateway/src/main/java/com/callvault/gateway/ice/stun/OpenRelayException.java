package com.callvault.gateway.ice.stun;

/**
 * A TURN server allocated a relay without asking for credentials: anyone who finds it can relay through it.
 * The allocation was released.
 */
public class OpenRelayException extends StunFormatException {

    public OpenRelayException(String message) {
        super(message);
    }
}
