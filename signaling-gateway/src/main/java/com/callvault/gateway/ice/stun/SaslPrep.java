package com.callvault.gateway.ice.stun;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) as STUN passwords need it: non-ASCII spaces become U+0020, the "commonly mapped to nothing"
 * characters (RFC 3454 B.1) are removed, the result is NFKC-normalised, and control, private-use, surrogate and
 * non-character code points are refused. Not checked: C.6–C.9, the bidirectional rules, unassigned code points. ASCII
 * passwords (every TURN REST password is Base64) come out unchanged.
 */
public final class SaslPrep {

    private SaslPrep() {
    }

    public static String prepare(String value) {
        StringBuilder mapped = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (nonAsciiSpace(c)) {
                mapped.append(' ');
            } else if (!mappedToNothing(c)) {
                mapped.appendCodePoint(c);
            }
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        normalized.codePoints().forEach(c -> {
            if (prohibited(c)) {
                throw new IllegalArgumentException(String.format("a STUN password may not contain U+%04X", c));
            }
        });
        return normalized;
    }

    private static boolean nonAsciiSpace(int c) { // RFC 3454 C.1.2
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static boolean mappedToNothing(int c) { // RFC 3454 B.1
        return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200C && c <= 0x200D)
            || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }

    private static boolean prohibited(int c) { // RFC 3454 C.2 control, C.3 private use, C.4 non-characters, C.5 surrogates
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.SURROGATE
            || (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
    }
}
