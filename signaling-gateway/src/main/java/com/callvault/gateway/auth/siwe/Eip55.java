package com.callvault.gateway.auth.siwe;

import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/** EIP-55 mixed-case checksum addresses. */
public final class Eip55 {

    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Eip55() {
    }

    /** Whether {@code address} is {@code 0x} followed by 40 hex digits, in any case. */
    public static boolean isHexAddress(String address) {
        return address != null && HEX_ADDRESS.matcher(address).matches();
    }

    /**
     * The checksummed spelling of a hex address given in any case.
     *
     * @throws IllegalArgumentException if it is not {@code 0x} followed by 40 hex digits
     */
    public static String checksum(String address) {
        if (!isHexAddress(address)) {
            throw new IllegalArgumentException("not a 0x-prefixed 20-byte hex address");
        }
        return Keys.toChecksumAddress(address.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a hex address carries no wrong checksum. Single-case spellings carry no checksum at all and pass, as
     * EIP-55 asks only that mixed case be right; a mixed-case spelling must match the checksum exactly.
     */
    public static boolean hasValidChecksum(String address) {
        if (!isHexAddress(address)) {
            return false;
        }
        String hex = address.substring(2);
        boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        return singleCase || checksum(address).equals(address);
    }
}
