package com.callvault.gateway.auth.siwe;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** A fixed wallet, clock and relying party, and a builder for messages that pass unless a test changes them. */
final class SignInFixtures {

    /** The private key from the web3.js documentation examples; its address is {@link #ADDRESS}. */
    static final ECKeyPair WALLET = ECKeyPair.create(
            new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16));
    static final String ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";
    static final ECKeyPair OTHER_WALLET = ECKeyPair.create(BigInteger.valueOf(0xC0FFEE));

    static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RelyingParty CALLVS = RelyingParty.forPublicUrl(URI.create("https://callvs.com"), Set.of(1L, 8453L));

    private SignInFixtures() {
    }

    static Builder message() {
        return new Builder();
    }

    /** What a wallet's {@code personal_sign} returns: 0x || r || s || v with v = 27 or 28. */
    static String sign(String text, ECKeyPair key) {
        Sign.SignatureData signature = Sign.signPrefixedMessage(text.getBytes(StandardCharsets.UTF_8), key);
        byte[] bytes = new byte[65];
        System.arraycopy(signature.getR(), 0, bytes, 0, 32);
        System.arraycopy(signature.getS(), 0, bytes, 32, 32);
        bytes[64] = signature.getV()[0];
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    static final class Builder {
        private String scheme;
        private String domain = "callvs.com";
        private String address = ADDRESS;
        private String statement = "Sign in to CallVault";
        private String uri = "https://callvs.com/sign-in";
        private String version = "1";
        private long chainId = 1;
        private String nonce = "k7Qp2mXz9RtB";
        private Instant issuedAt = NOW.minusSeconds(30);
        private Instant expirationTime;
        private Instant notBefore;
        private String requestId;
        private final List<String> resources = new ArrayList<>();

        Builder scheme(String value) { scheme = value; return this; }
        Builder domain(String value) { domain = value; return this; }
        Builder address(String value) { address = value; return this; }
        Builder statement(String value) { statement = value; return this; }
        Builder uri(String value) { uri = value; return this; }
        Builder version(String value) { version = value; return this; }
        Builder chainId(long value) { chainId = value; return this; }
        Builder nonce(String value) { nonce = value; return this; }
        Builder issuedAt(Instant value) { issuedAt = value; return this; }
        Builder expirationTime(Instant value) { expirationTime = value; return this; }
        Builder notBefore(Instant value) { notBefore = value; return this; }
        Builder requestId(String value) { requestId = value; return this; }
        Builder resource(String value) { resources.add(value); return this; }

        SiweMessage build() {
            return new SiweMessage(scheme, domain, address, statement, uri, version, chainId, nonce, issuedAt,
                    expirationTime, notBefore, requestId, resources);
        }

        String text() {
            return build().toMessage();
        }
    }
}
