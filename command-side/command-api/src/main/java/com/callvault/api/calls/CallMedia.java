package com.callvault.api.calls;

/** What a call carries. Renegotiation (audio to video) is relayed; the call keeps the media it was placed with. */
public enum CallMedia {
    AUDIO,
    VIDEO;

    public String wireName() {
        return WireNames.of(this);
    }

    public static CallMedia fromWireName(String name) {
        return WireNames.parse(CallMedia.class, name);
    }
}
