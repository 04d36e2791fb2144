package com.callvault.gateway.ice.stun;

/** The class of a STUN message (RFC 5389 §6): the two C bits of its type. */
public enum StunClass {
    REQUEST, INDICATION, SUCCESS_RESPONSE, ERROR_RESPONSE;

    int bits() {
        return ordinal();
    }

    static StunClass of(int bits) {
        return values()[bits & 0b11];
    }
}
