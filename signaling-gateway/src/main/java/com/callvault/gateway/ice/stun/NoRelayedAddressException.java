package com.callvault.gateway.ice.stun;

/** A TURN server answered an Allocate with success but without XOR-RELAYED-ADDRESS: there is no relay to use. */
public class NoRelayedAddressException extends StunFormatException {

    public NoRelayedAddressException(String message) {
        super(message);
    }
}
