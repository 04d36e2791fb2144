package com.callvault.gateway.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The {@code Authorization: vapid t=<JWT>, k=<public key>} header of RFC 8292: an ES256 JWT whose {@code aud} is the
 * push service's origin, {@code exp} {@value #LIFETIME_HOURS} h ahead (at most 24 h is allowed) and {@code sub} our
 * contact. A token is reused for its first half-life, so a burst of pushes to one push service signs once.
 * <p>Written here with jose4j (the web-push library's own JWT dependency) rather than by the library, whose
 * {@code aud} drops a non-default port from the origin.
 */
final class VapidTokens {

    static final int LIFETIME_HOURS = 12;
    private static final Duration REUSE = Duration.ofHours(LIFETIME_HOURS / 2);

    private record Token(String header, Instant signedAt) {
    }

    private final VapidKeys keys;
    private final String subject;
    private final Clock clock;
    private final Map<String, Token> byAudience = new ConcurrentHashMap<>();

    VapidTokens(VapidKeys keys, String subject, Clock clock) {
        this.keys = keys;
        this.subject = subject;
        this.clock = clock;
    }

    String authorization(String endpoint) {
        String audience = origin(URI.create(endpoint));
        Instant now = clock.instant();
        Token token = byAudience.get(audience);
        if (token == null || token.signedAt().plus(REUSE).isBefore(now)) {
            token = new Token("vapid t=" + sign(audience, now) + ", k=" + keys.publicKey(), now);
            if (byAudience.size() > 1_000) {
                byAudience.clear(); // a handful of push services exist; this only bounds a pathological spread of origins
            }
            byAudience.put(audience, token);
        }
        return token.header();
    }

    /** scheme://host[:port], the port only when it is not the scheme's default (RFC 6454). */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private String sign(String audience, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setAudience(audience);
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(Duration.ofHours(LIFETIME_HOURS)).getEpochSecond()));
        claims.setSubject(subject);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setPayload(claims.toJson());
        jws.setKey(keys.keyPair().getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a VAPID JWT", e);
        }
    }
}
