package com.callvault.gateway.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** A wallet for tests: a secp256k1 key that writes and signs EIP-4361 messages as a browser wallet would. */
public record TestWallet(ECKeyPair keys) {

    public static TestWallet random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new TestWallet(ECKeyPair.create(new BigInteger(1, secret)));
    }

    public String address() {
        return Keys.toChecksumAddress(Keys.getAddress(keys.getPublicKey()));
    }

    public String sign(String message) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), keys);
        HexFormat hex = HexFormat.of();
        return "0x" + hex.formatHex(signature.getR()) + hex.formatHex(signature.getS()) + hex.formatHex(signature.getV());
    }

    /** An EIP-4361 message for {@code domain}/{@code uri} with the given nonce, issued now. */
    public String message(String domain, String uri, long chainId, String nonce, Instant issuedAt) {
        return domain + " wants you to sign in with your Ethereum account:\n"
            + address() + "\n\n"
            + "Sign in to CallVault.\n\n"
            + "URI: " + uri + "\n"
            + "Version: 1\n"
            + "Chain ID: " + chainId + "\n"
            + "Nonce: " + nonce + "\n"
            + "Issued At: " + issuedAt;
    }
}
