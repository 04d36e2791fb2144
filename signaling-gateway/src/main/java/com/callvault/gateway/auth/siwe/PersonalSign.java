package com.callvault.gateway.auth.siwe;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** EIP-191 {@code personal_sign} signatures: decoding the wallet's hex and recovering the signer. */
final class PersonalSign {

    private static final Pattern SIGNATURE_HEX = Pattern.compile("0x[0-9a-fA-F]{130}");
    private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();

    private PersonalSign() {
    }

    /**
     * Decodes {@code 0x || r (32 bytes) || s (32 bytes) || v}, where wallets write v as 27/28 or as the bare
     * recovery id 0/1.
     *
     * @throws SignInRejected {@link SignInRejection#SIGNATURE_MALFORMED} for any other shape
     */
    static Sign.SignatureData decode(String signatureHex) {
        if (signatureHex == null || !SIGNATURE_HEX.matcher(signatureHex).matches()) {
            throw malformed("expected 0x followed by 130 hex digits (65 bytes: r, s, v)");
        }
        byte[] bytes = HexFormat.of().parseHex(signatureHex, 2, signatureHex.length());
        int v = bytes[64] & 0xff;
        if (v == 0 || v == 1) {
            v += 27;
        } else if (v != 27 && v != 28) {
            throw malformed("v must be 27, 28, 0 or 1, was " + v);
        }
        byte[] r = Arrays.copyOfRange(bytes, 0, 32);
        byte[] s = Arrays.copyOfRange(bytes, 32, 64);
        if (!inCurveOrder(r) || !inCurveOrder(s)) {
            throw malformed("r and s must lie between 1 and the secp256k1 group order");
        }
        return new Sign.SignatureData((byte) v, r, s);
    }

    /**
     * The EIP-55 address whose key made {@code signature} over the EIP-191 prefixed UTF-8 bytes of {@code message}.
     *
     * @throws SignInRejected {@link SignInRejection#SIGNATURE_MISMATCH} if no key can be recovered at all
     */
    static String recoverSigner(String message, Sign.SignatureData signature) {
        BigInteger publicKey;
        try {
            publicKey = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), signature);
        } catch (SignatureException | RuntimeException e) {
            // web3j reports an r that is no curve point through several exception types; all mean "not a signer".
            throw new SignInRejected(SignInRejection.SIGNATURE_MISMATCH, "no public key can be recovered from the signature");
        }
        return Eip55.checksum("0x" + Keys.getAddress(publicKey));
    }

    private static boolean inCurveOrder(byte[] unsigned) {
        BigInteger value = new BigInteger(1, unsigned);
        return value.signum() > 0 && value.compareTo(CURVE_ORDER) < 0;
    }

    private static SignInRejected malformed(String detail) {
        return new SignInRejected(SignInRejection.SIGNATURE_MALFORMED, "signature: " + detail);
    }
}
