package com.callvault.gateway.ice.stun;

import java.nio.charset.StandardCharsets;

/**
 * ERROR-CODE (RFC 5389 §15.6): a code from 300 to 699 and a reason phrase. The ones a TURN client meets:
 * 401 Unauthorized (no or wrong credentials, and, from coturn, an expired TURN REST username), 437 Allocation
 * Mismatch, 438 Stale Nonce, 441 Wrong Credentials, 486 Allocation Quota Reached, 508 Insufficient Capacity.
 */
public record ErrorCode(int code, String reason) {

    public static final int UNAUTHORIZED = 401;
    public static final int ALLOCATION_MISMATCH = 437;
    public static final int STALE_NONCE = 438;
    public static final int WRONG_CREDENTIALS = 441;

    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new StunFormatException("an error code is between 300 and 699, not " + code);
        }
        reason = reason == null ? "" : reason;
    }

    static ErrorCode decode(StunAttribute attribute) {
        byte[] value = attribute.value();
        if (value.length < 4) {
            throw new StunFormatException("ERROR-CODE has " + value.length + " bytes");
        }
        int code = (value[2] & 0x07) * 100 + (value[3] & 0xFF);
        return new ErrorCode(code, new String(value, 4, value.length - 4, StandardCharsets.UTF_8));
    }

    public StunAttribute toAttribute() {
        byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[4 + reasonBytes.length];
        value[2] = (byte) (code / 100);
        value[3] = (byte) (code % 100);
        System.arraycopy(reasonBytes, 0, value, 4, reasonBytes.length);
        return new StunAttribute(AttributeType.ERROR_CODE, value);
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
