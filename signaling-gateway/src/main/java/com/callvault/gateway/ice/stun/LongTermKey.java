package com.callvault.gateway.ice.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The long-term credential key (RFC 5389 §15.4): {@code MD5(username ":" realm ":" SASLprep(password))}, the key of
 * MESSAGE-INTEGRITY in every authenticated TURN request. The username and realm are used as sent (RFC 5389 asks
 * for SASLprep of the username when the client forms it; TURN REST usernames are ASCII).
 */
public final class LongTermKey {

    private LongTermKey() {
    }

    public static byte[] of(String username, String realm, String password) {
        try {
            return MessageDigest.getInstance("MD5")
                .digest((username + ":" + realm + ":" + SaslPrep.prepare(password)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
