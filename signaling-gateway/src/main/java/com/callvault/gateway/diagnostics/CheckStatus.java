package com.callvault.gateway.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A check's verdict, from best to worst; a report's verdict is the worst of its checks. */
public enum CheckStatus {
    OK, WARN, FAIL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public CheckStatus worst(CheckStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
