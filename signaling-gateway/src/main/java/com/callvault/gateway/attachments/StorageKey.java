package com.callvault.gateway.attachments;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where an attachment's bytes are in the {@link AttachmentStore}: {@code <2 hex>/<32 hex>}, random, made by the
 * server. The two-character prefix spreads files over 256 directories; lower-case hex stays distinct on
 * case-insensitive file systems and is a plain S3 object key.
 */
public record StorageKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public StorageKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a storage key: " + value);
        }
    }

    static StorageKey random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return new StorageKey(hex.substring(0, 2) + "/" + hex);
    }

    /** The directory part ({@code ab}). */
    String prefix() {
        return value.substring(0, 2);
    }

    /** The name part (32 hex digits). */
    String name() {
        return value.substring(3);
    }

    @Override
    public String toString() {
        return value;
    }
}
