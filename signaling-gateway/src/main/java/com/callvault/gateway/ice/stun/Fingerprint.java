package com.callvault.gateway.ice.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/** FINGERPRINT (RFC 5389 §15.5): CRC-32 of the message before it, XOR 0x5354554E; always the last attribute. */
public final class Fingerprint {

    private static final int XOR = 0x5354554E;

    private Fingerprint() {
    }

    /** The value over {@code prefix}, whose header must already announce the FINGERPRINT. */
    static byte[] compute(byte[] prefix) {
        CRC32 crc = new CRC32();
        crc.update(prefix);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ XOR).array();
    }

    /** Whether {@code message} ends with a FINGERPRINT that matches it. False when it has none. */
    public static boolean verify(byte[] message) {
        int offset = message.length - 8;
        if (offset < StunMessage.HEADER_BYTES || MessageIntegrity.offsetOf(message, AttributeType.FINGERPRINT) != offset
            || ByteBuffer.wrap(message).getShort(offset + 2) != 4) {
            return false;
        }
        return Arrays.equals(compute(Arrays.copyOf(message, offset)), Arrays.copyOfRange(message, offset + 4, offset + 8));
    }
}
