package com.callvault.gateway.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code Content-Disposition} for downloads (RFC 6266): images open in the page, everything else downloads; the
 * name travels as {@code filename*} (UTF-8, percent-encoded per RFC 8187) with a plain ASCII {@code filename}
 * beside it for old clients. The name is whatever the uploader typed, so both forms are built character by
 * character rather than trusted.
 */
final class ContentDispositions {

    private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

    private ContentDispositions() {
    }

    static String of(String contentType, String name) {
        return (isInline(contentType) ? "inline" : "attachment")
            + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** Raster images only: SVG is a document that can carry scripts. */
    static boolean isInline(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("image/") && !type.startsWith("image/svg");
    }

    /** Printable ASCII except the quote, backslash, percent and path separators, which become {@code _}. */
    static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && "\"\\%/".indexOf(c) < 0 ? (char) c : '_'));
        return out.toString();
    }

    static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
