package com.callvault.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sessions in the database, so they survive a restart and are valid on every instance. The token a client
 * holds (cookie or bearer) is 256 random bits; only its SHA-256 is stored, so the table leaks no credential.
 */
@Component
class SessionStore {

    private static final int MAX_USER_AGENT = 512;

    private final DatabaseClient db;
    private final SecureRandom random = new SecureRandom();

    SessionStore(DatabaseClient db) {
        this.db = db;
    }

    record Session(UUID sessionId, String address, Instant expiresAt) {
    }

    record IssuedSession(String token, Session session) {
    }

    Mono<IssuedSession> create(String address, Duration ttl, String userAgent) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        return db.sql("""
                INSERT INTO auth_session (session_id, token_hash, address, expires_at, user_agent)
                VALUES (:id, :hash, :address, now() + make_interval(secs => :ttl), :agent) RETURNING expires_at""")
            .bind("id", id)
            .bind("hash", hash(token))
            .bind("address", address)
            .bind("ttl", (double) ttl.toSeconds())
            .bind("agent", agent)
            .map(row -> new IssuedSession(token, new Session(id, address, row.get("expires_at", OffsetDateTime.class).toInstant())))
            .one();
    }

    /** The live session a token belongs to; empty when unknown, expired or signed out. */
    Mono<Session> find(String token) {
        return db.sql("SELECT session_id, address, expires_at FROM auth_session WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > now()")
            .bind("hash", hash(token))
            .map(row -> new Session(row.get("session_id", UUID.class), row.get("address", String.class),
                row.get("expires_at", OffsetDateTime.class).toInstant()))
            .one();
    }

    Mono<Void> revoke(String token) {
        return db.sql("UPDATE auth_session SET revoked_at = now() WHERE token_hash = :hash AND revoked_at IS NULL")
            .bind("hash", hash(token))
            .then();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    Mono<Void> purgeExpired() {
        return db.sql("DELETE FROM auth_session WHERE expires_at < now() - interval '7 days'").then();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
