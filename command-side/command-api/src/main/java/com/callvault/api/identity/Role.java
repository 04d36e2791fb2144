package com.callvault.api.identity;

import java.util.Locale;

/** What a user may do beyond chatting and calling. Every user has {@link #USER}. */
public enum Role {
    USER,
    CREATOR,
    ADMIN,
    ANALYST;

    /** The name used on the wire and in read models. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
