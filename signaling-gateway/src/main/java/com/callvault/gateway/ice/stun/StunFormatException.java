package com.callvault.gateway.ice.stun;

/** Bytes that are not a well-formed STUN message, or an attribute whose value has the wrong shape. */
public class StunFormatException extends RuntimeException {

    public StunFormatException(String message) {
        super(message);
    }
}
