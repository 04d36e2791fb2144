package com.callvault.api.identity;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/**
 * An Ethereum account address, the identity of a CallVault user. Always held in its EIP-55 checksummed
 * form; equality ignores case. Mixed-case input must carry a valid checksum (EIP-55), all-lower or
 * all-upper input is accepted as is.
 */
public record Address(String value) {

    private static final Pattern HEX40 = Pattern.compile("0x[0-9a-fA-F]{40}");

    public Address {
        if (value == null || !HEX40.matcher(value).matches()) {
            throw new IllegalArgumentException("an address is 0x followed by 40 hexadecimal digits");
        }
        String hex = value.substring(2);
        String checksummed = checksum(hex.toLowerCase(Locale.ROOT));
        boolean mixedCase = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixedCase && !checksummed.equals(value)) {
            throw new IllegalArgumentException("the address " + value + " has an invalid EIP-55 checksum");
        }
        value = checksummed;
    }

    public static Address of(String value) {
        return new Address(value);
    }

    /** Lower-case hex with the 0x prefix: the canonical key for storage and lookups. */
    public String lowerCase() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address a && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String checksum(String lowerHex) {
        byte[] hash = new Keccak.Digest256().digest(lowerHex.getBytes(StandardCharsets.US_ASCII));
        String hashHex = HexFormat.of().formatHex(hash);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            out.append(Character.digit(hashHex.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
