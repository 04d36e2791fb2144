package com.callvault.gateway.push;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.util.Base64;
import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;

/**
 * The application server's VAPID key pair (RFC 8292): a P-256 key whose public half browsers get as
 * {@code applicationServerKey} and push services check every request's JWT against. Written as web-push tools print
 * them: the public key as the 65-byte uncompressed point, the private key as the 32-byte scalar, both base64url.
 *
 * @param publicKey the public key as configured (base64url, no padding)
 */
public record VapidKeys(String publicKey, KeyPair keyPair) {

    public static final int PUBLIC_KEY_BYTES = 65;
    public static final int PRIVATE_KEY_BYTES = 32;

    static {
        installBouncyCastle();
    }

    /** The web-push library asks the JCA for provider "BC" by name. */
    public static void installBouncyCastle() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** Reads and checks a configured pair; an {@link IllegalArgumentException} naming the variable at fault. */
    public static VapidKeys parse(String publicKey, String privateKey) {
        byte[] point = decode(publicKey, "VAPID_PUBLIC_KEY");
        if (point.length != PUBLIC_KEY_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("VAPID_PUBLIC_KEY must be an uncompressed P-256 point (65 bytes starting with 0x04, "
                + "87 base64url characters), got " + point.length + " bytes; generate a pair with 'java -jar callvault.jar vapid-keys'");
        }
        byte[] scalar = decode(privateKey, "VAPID_PRIVATE_KEY");
        if (scalar.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("VAPID_PRIVATE_KEY must be a 32-byte P-256 private key (43 base64url characters), got "
                + scalar.length + " bytes");
        }
        PublicKey pub;
        try {
            pub = Utils.loadPublicKey(point);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("VAPID_PUBLIC_KEY is not a point on the P-256 curve");
        }
        PrivateKey priv;
        try {
            priv = Utils.loadPrivateKey(scalar);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("VAPID_PRIVATE_KEY is not a P-256 private key");
        }
        BigInteger d = ((ECPrivateKey) priv).getD();
        if (d.signum() <= 0 || d.compareTo(ECNamedCurveTable.getParameterSpec(Utils.CURVE).getN()) >= 0) {
            throw new IllegalArgumentException("VAPID_PRIVATE_KEY is out of range for P-256");
        }
        if (!Utils.verifyKeyPair(priv, pub)) {
            throw new IllegalArgumentException("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not one key pair: set both from the same "
                + "'vapid-keys' output");
        }
        return new VapidKeys(encode(point), new KeyPair(pub, priv));
    }

    /** A fresh pair. */
    public static VapidKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ECDH", BouncyCastleProvider.PROVIDER_NAME);
            generator.initialize(ECNamedCurveTable.getParameterSpec(Utils.CURVE));
            KeyPair pair = generator.generateKeyPair();
            return new VapidKeys(encode(Utils.encode((ECPublicKey) pair.getPublic())), pair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate a P-256 key", e);
        }
    }

    /** The private key, base64url, always 32 bytes (as VAPID_PRIVATE_KEY wants it). */
    public String privateKey() {
        return encode(BigIntegers.asUnsignedByteArray(PRIVATE_KEY_BYTES, ((ECPrivateKey) keyPair.getPrivate()).getD()));
    }

    /** What {@code java -jar callvault.jar vapid-keys} prints: lines for an environment file. */
    public String environmentLines() {
        return "VAPID_PUBLIC_KEY=" + publicKey + "\nVAPID_PRIVATE_KEY=" + privateKey() + "\n";
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String value, String variable) {
        String text = value.endsWith("=") ? value.replaceAll("=+$", "") : value; // tolerate padding
        if (!text.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(variable + " must be base64url (A-Z a-z 0-9 - _), as 'vapid-keys' prints it");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not valid base64url");
        }
    }

    @Override
    public String toString() { // never the private key
        return "VapidKeys[publicKey=" + publicKey + "]";
    }
}
