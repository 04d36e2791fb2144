package com.callvault.gateway.push;

import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Encrypted;
import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.interfaces.ECPublicKey;

/**
 * One push as an HTTP request to the push service (RFC 8030 §5): the payload encrypted for the device by the web-push
 * library (RFC 8291 {@code aes128gcm}: a fresh ECDH key and salt per push), and the TTL, Urgency, Topic and VAPID
 * headers.
 */
final class PushRequests {

    /** What a push service receives. */
    record Prepared(String endpoint, Map<String, String> headers, byte[] body) {
    }

    private final VapidTokens vapid;

    PushRequests(VapidTokens vapid) {
        this.vapid = vapid;
    }

    Prepared prepare(PushSubscriptionStore.Target target, PushIntent intent) {
        byte[] body;
        try {
            ECPublicKey device = (ECPublicKey) Utils.loadPublicKey(target.p256dh());
            Encrypted encrypted = AbstractPushService.encrypt(intent.payload(), device, target.auth(), Encoding.AES128GCM);
            body = encrypted.getCiphertext(); // aes128gcm: the header (salt, record size, our key) is part of the body
        } catch (GeneralSecurityException e) {
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
