package com.callvault.gateway.ice.stun;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (RFC 5389 §15.4): HMAC-SHA1 over the message up to the attribute, with the header's length
 * counting the attribute itself. The key is the password for short-term credentials, or
 * {@link LongTermKey} for long-term ones (TURN).
 */
public final class MessageIntegrity {

    public static final int BYTES = 20;

    private MessageIntegrity() {
    }

    /** The HMAC over {@code prefix}, whose header must already announce the MESSAGE-INTEGRITY. */
    static byte[] compute(byte[] prefix, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(prefix);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /**
     * Whether {@code message} (a whole received message) carries a MESSAGE-INTEGRITY that matches {@code key}.
     * False when it has none or it is malformed.
     */
    public static boolean verify(byte[] message, byte[] key) {
        int offset = offsetOf(message, AttributeType.MESSAGE_INTEGRITY);
        if (offset < 0 || offset + 4 + BYTES > message.length || (((message[offset + 2] & 0xFF) << 8) | (message[offset + 3] & 0xFF)) != BYTES) {
            return false;
        }
        byte[] prefix = java.util.Arrays.copyOf(message, offset);
        int announced = offset - StunMessage.HEADER_BYTES + 4 + BYTES;
        prefix[2] = (byte) (announced >>> 8);
        prefix[3] = (byte) announced;
        byte[] expected = compute(prefix, key);
        byte[] actual = java.util.Arrays.copyOfRange(message, offset + 4, offset + 4 + BYTES);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Where the first attribute of this type starts (its header), or -1. */
    static int offsetOf(byte[] message, int type) {
        if (message.length < StunMessage.HEADER_BYTES) {
            return -1;
        }
        ByteBuffer buffer = ByteBuffer.wrap(message);
        int position = StunMessage.HEADER_BYTES;
        while (position + 4 <= message.length) {
            int attributeType = buffer.getShort(position) & 0xFFFF;
            int length = buffer.getShort(position + 2) & 0xFFFF;
            if (attributeType == type) {
                return position;
            }
            position += 4 + length + StunMessage.padding(length);
        }
        return -1;
    }
}
