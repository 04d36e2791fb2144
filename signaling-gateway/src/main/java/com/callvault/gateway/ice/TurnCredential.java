package com.callvault.gateway.ice;

import java.time.Instant;

/** A TURN username and password, and when coturn stops accepting them for new allocations. */
public record TurnCredential(String username, String credential, Instant expiresAt) {

    @Override
    public String toString() { // the password never reaches a log
        return "TurnCredential[username=" + username + ", expiresAt=" + expiresAt + "]";
    }
}
