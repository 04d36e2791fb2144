package com.callvault.gateway.auth;

import com.callvault.gateway.auth.siwe.SignInRejected;
import com.callvault.gateway.auth.siwe.SignInRejection;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sign-in nonces: issued by us, single use, short-lived. Kept in the database so any instance can
 * verify a nonce another one issued; times are the database's, the one clock all instances share.
 */
@Component
class NonceStore {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 17; // ≈ 101 bits: unguessable, and EIP-4361 wants ≥ 8 alphanumerics

    private final DatabaseClient db;
    private final SecureRandom random = new SecureRandom();

    NonceStore(DatabaseClient db) {
        this.db = db;
    }

    record IssuedNonce(String nonce, Instant expiresAt) {
    }

    Mono<IssuedNonce> issue(Duration ttl) {
        String nonce = randomNonce();
        return db.sql("INSERT INTO auth_nonce (nonce, expires_at) VALUES (:nonce, now() + make_interval(secs => :ttl)) RETURNING expires_at")
            .bind("nonce", nonce)
            .bind("ttl", (double) ttl.toSeconds())
            .map(row -> new IssuedNonce(nonce, row.get("expires_at", OffsetDateTime.class).toInstant()))
            .one();
    }

    /** Marks the nonce used, or fails with the reason it cannot be: unknown, used already, or expired. */
    Mono<Void> consume(String nonce) {
        return db.sql("UPDATE auth_nonce SET consumed_at = now() WHERE nonce = :nonce AND consumed_at IS NULL AND expires_at > now() RETURNING nonce")
            .bind("nonce", nonce)
            .map(row -> row.get("nonce", String.class))
            .one()
            .switchIfEmpty(Mono.defer(() -> whyNotUsable(nonce)))
            .then();
    }

    private Mono<String> whyNotUsable(String nonce) {
        return db.sql("SELECT consumed_at IS NOT NULL AS used FROM auth_nonce WHERE nonce = :nonce")
            .bind("nonce", nonce)
            .map(row -> Boolean.TRUE.equals(row.get("used", Boolean.class)))
            .one()
            .flatMap(used -> Mono.<String>error(used
                ? new SignInRejected(SignInRejection.NONCE_USED, "This sign-in nonce has been used already; request a new one")
                : new SignInRejected(SignInRejection.NONCE_EXPIRED, "This sign-in nonce has expired; request a new one")))
            .switchIfEmpty(Mono.error(() -> new SignInRejected(SignInRejection.NONCE_UNKNOWN, "This server did not issue the nonce in the message")));
    }

    /** Nonces are worthless a day after they expire; keeping them that long still tells "used" from "unknown". */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    Mono<Void> purgeExpired() {
        return db.sql("DELETE FROM auth_nonce WHERE expires_at < now() - interval '1 day'").then();
    }

    private String randomNonce() {
        StringBuilder nonce = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            nonce.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return nonce.toString();
    }
}
