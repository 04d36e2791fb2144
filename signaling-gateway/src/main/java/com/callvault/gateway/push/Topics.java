package com.callvault.gateway.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

/**
 * RFC 8030 topics: at most 32 characters of the URL-safe base64 alphabet. A call's topic is its UUID in base64url
 * (22 characters) after {@code c}, so the ringing push and the push that ends it share one; a conversation's is
 * {@code m} and 22 characters of a hash of its id, so a device that was away gets the newest message of each
 * conversation, not the whole backlog.
 */
final class Topics {

    private Topics() {
    }

    static String call(String callId) {
        return "c" + base64(uuidBytes(UUID.fromString(callId.substring(callId.indexOf(':') + 1))));
    }

    static String conversation(String conversationId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(conversationId.getBytes(StandardCharsets.UTF_8));
            return "m" + base64(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
