package com.callvault.bench.calls;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** A secp256k1 key that writes and signs EIP-4361 (Sign-In with Ethereum) messages as a browser wallet would. */
record Wallet(ECKeyPair keys, String address) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Wallet random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        ECKeyPair keys = ECKeyPair.create(new BigInteger(1, secret));
        return new Wallet(keys, Keys.toChecksumAddress(Keys.getAddress(keys.getPublicKey())));
    }

    /** EIP-191 {@code personal_sign}: 0x + r + s + v. */
    String sign(String message) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), keys);
        HexFormat hex = HexFormat.of();
        return "0x" + hex.formatHex(signature.getR()) + hex.formatHex(signature.getS()) + hex.formatHex(signature.getV());
    }

    /** The EIP-4361 message for the server's domain, URI, chain and nonce, issued now. */
    String message(String domain, String uri, long chainId, String nonce) {
        return domain + " wants you to sign in with your Ethereum account:\n"
            + address + "\n\n"
            + "Sign in to CallVault.\n\n"
            + "URI: " + uri + "\n"
            + "Version: 1\n"
            + "Chain ID: " + chainId + "\n"
            + "Nonce: " + nonce + "\n"
            + "Issued At: " + Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
