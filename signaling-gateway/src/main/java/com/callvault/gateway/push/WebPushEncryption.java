package com.callvault.gateway.push;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push payload encrypted for one device, RFC 8291 ({@code aes128gcm}, RFC 8188): a fresh P-256 key pair and salt per
 * push, ECDH with the device's {@code p256dh}, HKDF-SHA-256 with its {@code auth} secret, one AES-128-GCM record. The
 * body starts with the header (salt, record size 4096, our public key). Done with the JDK's own providers (SunEC,
 * SunJCE), whose fixed-base P-256 arithmetic allocates little: the web-push library's BouncyCastle path made about 3 MB
 * of garbage per push, and the collections it caused showed in signaling's latency tail (docs/adr/0005).
 */
final class WebPushEncryption {

    /** RFC 8188 record size: one record holds the payload, its delimiter and the 16-byte tag. */
    static final int RECORD_SIZE = 4096;
    /** The largest payload one record holds. */
    static final int MAX_PAYLOAD = RECORD_SIZE - 16 - 1;

    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII);
    private static final ECParameterSpec P256 = p256();

    private final SecureRandom random = new SecureRandom();

    /** {@code payload} for the device whose subscription keys are {@code uaPublic} (65 bytes) and {@code auth}. */
    byte[] encrypt(byte[] payload, byte[] uaPublic, byte[] auth) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(P256, random);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return encrypt(payload, uaPublic, auth, salt, generator.generateKeyPair());
    }

    /** With a given salt and key pair: RFC 8291 §5's example comes out byte for byte. */
    static byte[] encrypt(byte[] payload, byte[] uaPublic, byte[] auth, byte[] salt, KeyPair ours) throws GeneralSecurityException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a push payload holds at most " + MAX_PAYLOAD + " bytes, this one has " + payload.length);
        }
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ours.getPrivate());
        agreement.doPhase(publicKey(uaPublic), true);
        byte[] shared = agreement.generateSecret();
        byte[] asPublic = encode((ECPublicKey) ours.getPublic());

        byte[] ikm = hmac(hmac(auth, shared), concat(KEY_INFO, uaPublic, asPublic, new byte[] {1}));
        byte[] prk = hmac(salt, ikm);
        byte[] key = Arrays.copyOf(hmac(prk, CEK_INFO), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, NONCE_INFO), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] record = cipher.doFinal(concat(payload, new byte[] {2})); // 2: the last record's padding delimiter
        return ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + record.length)
            .put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(record).array();
    }

    /** An uncompressed P-256 point (65 bytes, {@code 04 || x || y}) as a public key; off the curve fails the agreement. */
    static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new java.security.InvalidKeyException("p256dh is not an uncompressed P-256 point (65 bytes starting 04)");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)), new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
    }

    static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, at + 32 - length, length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }
}
