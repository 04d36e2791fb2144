package com.callvault.api.calls;

/**
 * Where a call stands: {@code invited → ringing → accepted (connecting) → connected → ended}. A call may
 * end from any state but {@link #ENDED}, and stays ended.
 */
public enum CallState {
    INVITED,
    RINGING,
    /** Answered on one device; the peers are connecting (ICE). */
    ACCEPTED,
    CONNECTED,
    ENDED;

    /** Not yet answered: it may still be cancelled, declined, found busy or time out. */
    public boolean unanswered() {
        return this == INVITED || this == RINGING;
    }

    /** Answered and not ended: media may flow, quality is reported. */
    public boolean answered() {
        return this == ACCEPTED || this == CONNECTED;
    }

    public String wireName() {
        return WireNames.of(this);
    }

    public static CallState fromWireName(String name) {
        return WireNames.parse(CallState.class, name);
    }
}
