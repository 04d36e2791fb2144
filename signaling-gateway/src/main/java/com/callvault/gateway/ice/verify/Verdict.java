package com.callvault.gateway.ice.verify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the check of one STUN/TURN URI came to. Each failure has its section in docs/turn-troubleshooting.md, under
 * its {@link #code()}.
 */
public enum Verdict {
    /** STUN answered a Binding; TURN also allocated a relay (at the expected address, when one is set) and released it. */
    OK,
    /** TURN allocated a relay, but at an address other than {@code TURN_EXTERNAL_IP}: peers may not reach it. */
    RELAY_ADDRESS_MISMATCH,
    /** Nothing listens there: the name does not resolve, the connection was refused, or the port is closed (ICMP). */
    UNREACHABLE,
    /** No (complete) answer within the time allowed: a firewall drops the packets, or the server hangs. */
    TIMEOUT,
    /** The TLS handshake failed: certificate not trusted, not for this host, expired, or no common protocol. */
    TLS_FAILURE,
    /** 401 to our credential; in rest mode, not even a credential with a far later expiry works: the secret is wrong. */
    WRONG_CREDENTIALS,
    /** 401 to our credential, yet a credential with a far later expiry works: the server's clock is ahead of ours. */
    CLOCK_SKEW,
    /** 403 Forbidden: the server refuses us by its own rules (denied address ranges, a blocked user). */
    FORBIDDEN,
    /** Another error response (486 quota reached, 508 insufficient capacity, 442 unsupported transport, ...). */
    REJECTED,
    /** The Allocate succeeded but named no relayed address. */
    NO_RELAY_ADDRESS,
    /** The server allocated a relay without asking for credentials: anyone can relay through it. */
    OPEN_RELAY,
    /** The answer was not well-formed STUN, or not from a server holding our credential. */
    PROTOCOL_ERROR,
    /** This kind of URI is not checked from the server (DTLS: {@code turns:} with {@code ?transport=udp}). */
    NOT_TESTED;

    /** The name in answers and metrics: {@code ok}, {@code relay-address-mismatch}, ... */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A relay was allocated: calls can use this server (perhaps badly, if its relayed address is wrong or it is open). */
    public boolean relays() {
        return this == OK || this == RELAY_ADDRESS_MISMATCH || this == OPEN_RELAY;
    }
}
