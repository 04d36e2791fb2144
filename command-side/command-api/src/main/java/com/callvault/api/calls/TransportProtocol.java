package com.callvault.api.calls;

/** The transport of a selected candidate pair: {@code udp}, {@code tcp}, or {@code tls} (TURN over TLS). */
public enum TransportProtocol {
    UDP,
    TCP,
    TLS;

    public String wireName() {
        return WireNames.of(this);
    }

    public static TransportProtocol fromWireName(String name) {
        return WireNames.parse(TransportProtocol.class, name);
    }
}
