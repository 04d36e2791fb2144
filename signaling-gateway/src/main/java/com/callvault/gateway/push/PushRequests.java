package com.callvault.gateway.push;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One push as an HTTP request to the push service (RFC 8030 §5): the payload encrypted for the device
 * ({@link WebPushEncryption}, RFC 8291 {@code aes128gcm}: a fresh ECDH key and salt per push), and the TTL, Urgency,
 * Topic and VAPID headers.
 */
final class PushRequests {

    /** What a push service receives. */
    record Prepared(String endpoint, Map<String, String> headers, byte[] body) {
    }

    private final VapidTokens vapid;
    private final WebPushEncryption encryption = new WebPushEncryption();

    PushRequests(VapidTokens vapid) {
        this.vapid = vapid;
    }

    Prepared prepare(PushSubscriptionStore.Target target, PushIntent intent) {
        byte[] body;
        try {
            body = encryption.encrypt(intent.payload(), target.p256dh(), target.auth());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not encrypt a push for " + target.endpoint(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("TTL", Long.toString(Math.max(0, intent.ttl().toSeconds())));
        headers.put("Urgency", intent.urgency().getHeaderValue());
        if (intent.topic() != null) {
            headers.put("Topic", intent.topic());
        }
        headers.put("Content-Type", "application/octet-stream");
        headers.put("Content-Encoding", "aes128gcm");
        headers.put("Authorization", vapid.authorization(target.endpoint()));
        return new Prepared(target.endpoint(), headers, body);
    }
}
