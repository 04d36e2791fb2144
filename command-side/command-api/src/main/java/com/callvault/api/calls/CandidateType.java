package com.callvault.api.calls;

/** An ICE candidate's type (RFC 8445): {@code host}, {@code srflx} (STUN), {@code prflx} or {@code relay} (TURN). */
public enum CandidateType {
    HOST,
    SRFLX,
    PRFLX,
    RELAY;

    public String wireName() {
        return WireNames.of(this);
    }

    public static CandidateType fromWireName(String name) {
        return WireNames.parse(CandidateType.class, name);
    }
}
