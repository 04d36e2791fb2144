package com.callvault.gateway.ice;

import java.util.Locale;

/** How TURN credentials are handed out ({@code TURN_MODE}). */
public enum TurnMode {
    /** Ephemeral credentials by the TURN REST API convention, signed with {@code TURN_SECRET}. */
    REST,
    /** The same static {@code TURN_USERNAME}/{@code TURN_CREDENTIAL} for everyone (the seed's setup). */
    CUSTOM,
    /** No TURN: STUN only (or nothing). */
    NONE;

    /** The name in {@code TURN_MODE} and in the API's {@code mode}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
