package com.callvault.gateway.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ephemeral TURN credentials by the TURN REST API convention (draft-uberti-behave-turn-rest-00 §2.2; coturn's
 * {@code use-auth-secret}):
 * <ul>
 * <li>username {@code <expiry>:<user>}, the expiry in Unix seconds (coturn accepts it up to and including that second
 * and checks it only when an allocation is created);</li>
 * <li>password {@code base64(HMAC-SHA1(secret, username))}, standard alphabet with padding;</li>
 * <li>user {@code <prefix><pseudonym>}, the pseudonym being the first 16 hex digits (64 bits) of
 * {@code HMAC-SHA256(secret, lower-case address)}: stable per address while the secret stands, so an operator holding
 * the secret can tie a TURN session to an address, but TURN logs and anyone without the secret cannot.</li>
 * </ul>
 * The first secret signs; the others only matter to coturn, which accepts every secret it is configured with.
 */
public final class TurnRestCredentials {

    private final String secret;
    private final String userPrefix;
    private final Duration ttl;

    public TurnRestCredentials(List<String> secrets, String userPrefix, Duration ttl) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("TURN REST credentials need a secret");
        }
        this.secret = secrets.getFirst();
        this.userPrefix = userPrefix;
        this.ttl = ttl;
    }

    /** Credentials for {@code address} issued at {@code now}, valid until {@code now + ttl} (to the second, rounded down). */
    public TurnCredential issue(String address, Instant now) {
        Instant expiresAt = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String username = expiresAt.getEpochSecond() + ":" + userPart(address);
        return new TurnCredential(username, password(secret, username), expiresAt);
    }

    /** {@code <prefix><16 hex digits>}: the pseudonym of an address in TURN usernames. */
    public String userPart(String address) {
        byte[] mac = hmac("HmacSHA256", secret, address.toLowerCase(Locale.ROOT));
        return userPrefix + HexFormat.of().formatHex(mac, 0, 8);
    }

    /** The TURN REST password of {@code username}: {@code base64(HMAC-SHA1(secret, username))}. */
    public static String password(String secret, String username) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret, username));
    }

    private static byte[] hmac(String algorithm, String key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TurnRestCredentials[ttl=" + ttl + ", userPrefix=" + userPrefix + "]";
    }
}
