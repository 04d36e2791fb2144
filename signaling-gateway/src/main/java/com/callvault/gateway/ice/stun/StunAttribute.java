package com.callvault.gateway.ice.stun;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One STUN attribute (RFC 5389 §15): a 16-bit type and its value, without the padding that aligns it on
 * the wire. Type numbers are in {@link AttributeType}.
 */
public record StunAttribute(int type, byte[] value) {

    public StunAttribute {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("attribute value too long: " + value.length + " bytes");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public static StunAttribute text(int type, String text) {
        return new StunAttribute(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as UTF-8 text (USERNAME, REALM, NONCE, SOFTWARE). */
    public String asText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The value as an unsigned 32-bit number (LIFETIME, PRIORITY). */
    public long asUnsignedInt() {
        if (value.length != 4) {
            throw new StunFormatException("attribute 0x" + Integer.toHexString(type) + " should be 4 bytes, is " + value.length);
        }
        return ((value[0] & 0xFFL) << 24) | ((value[1] & 0xFFL) << 16) | ((value[2] & 0xFFL) << 8) | (value[3] & 0xFFL);
    }

    public static StunAttribute unsignedInt(int type, long number) {
        return new StunAttribute(type, new byte[] {(byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number});
    }

    /** Whether this type must be understood by the receiver (RFC 5389 §15: 0x0000–0x7FFF). */
    public boolean comprehensionRequired() {
        return type < 0x8000;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StunAttribute that && type == that.type && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        // never the value: USERNAME and MESSAGE-INTEGRITY would end up in logs
        return AttributeType.name(type) + "(" + value.length + " bytes)";
    }
}
