package com.callvault.gateway.push;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Push subscriptions in {@code push_subscription}, keyed by endpoint: a browser has one subscription per application
 * server key, so the endpoint names the device. A user keeps at most {@value #MAX_PER_USER}; subscribing another
 * drops the one least recently renewed. A subscription is pushed to only while the session that stored or last renewed
 * it is signed in (not expired, signed out or revoked): a browser nobody is signed in on gets nothing.
 */
@Component
class PushSubscriptionStore {

    static final int MAX_PER_USER = 20;
    private static final int MAX_USER_AGENT = 512;
    /** A device that keeps accepting pushes has its {@code last_success_at} written at most this often. */
    static final Duration RECORD_SUCCESS_EVERY = Duration.ofMinutes(10);
    private static final int MAX_REMEMBERED = 100_000;

    private final DatabaseClient db;
    /** Endpoint → when (nanoTime) its last success was written with no failure since. */
    private final Map<String, Long> successRecorded = new ConcurrentHashMap<>();

    PushSubscriptionStore(DatabaseClient db) {
        this.db = db;
    }

    /** Where to send and with which keys. */
    record Target(String endpoint, byte[] p256dh, byte[] auth) {
    }

    /**
     * What a user sees of their own subscriptions: never the keys. {@code signedIn}: the session that stored it is
     * signed in, so it is pushed to; {@code thisSession}: that session is the caller's.
     */
    record Listed(String endpoint, String userAgent, Instant createdAt, Instant updatedAt, Instant expiresAt, Instant lastSuccessAt,
                  boolean signedIn, boolean thisSession) {
    }

    /** The session that stored a subscription {@code s} is signed in (NULL: stored before subscriptions had sessions). */
    private static final String SESSION_LIVE = """
        (s.session_id IS NULL OR EXISTS (SELECT 1 FROM auth_session a WHERE a.session_id = s.session_id
            AND a.revoked_at IS NULL AND a.expires_at > now()))""";
    /** A subscription {@code s} of {@code :address} that is pushed to: the browser has not said it expired, its session is live. */
    private static final String PUSHED_TO = "lower(s.address) = lower(:address) AND (s.expires_at IS NULL OR s.expires_at > now()) AND "
        + SESSION_LIVE;

    /** Stores or renews the subscription for {@code address} under its session; answers whether the endpoint is new. */
    Mono<Boolean> save(String address, UUID sessionId, NewSubscription subscription, String userAgent) {
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO push_subscription (endpoint, address, session_id, p256dh, auth, expires_at, user_agent)
                VALUES (:endpoint, :address, :session, :p256dh, :auth, :expires, :agent)
                ON CONFLICT (endpoint) DO UPDATE SET address = excluded.address, session_id = excluded.session_id,
                    p256dh = excluded.p256dh, auth = excluded.auth, expires_at = excluded.expires_at, user_agent = excluded.user_agent,
                    updated_at = now(), failures = 0
                RETURNING (xmax = 0) AS inserted""")
            .bind("endpoint", subscription.endpoint())
            .bind("address", address)
            .bind("session", sessionId)
            .bind("p256dh", subscription.p256dh())
            .bind("auth", subscription.auth())
            .bind("agent", agent);
        insert = subscription.expiresAt() == null ? insert.bindNull("expires", OffsetDateTime.class)
            : insert.bind("expires", subscription.expiresAt().atOffset(ZoneOffset.UTC));
        return insert.map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class))).one()
            .flatMap(inserted -> db.sql("""
                    DELETE FROM push_subscription WHERE lower(address) = lower(:address) AND endpoint NOT IN (
                        SELECT endpoint FROM push_subscription WHERE lower(address) = lower(:address)
                        ORDER BY updated_at DESC, endpoint LIMIT :keep)""")
                .bind("address", address).bind("keep", MAX_PER_USER).then().thenReturn(inserted));
    }

    /** Unsubscribes one of the user's own devices; answers whether there was one. */
    Mono<Boolean> delete(String address, String endpoint) {
        return db.sql("DELETE FROM push_subscription WHERE endpoint = :endpoint AND lower(address) = lower(:address)")
            .bind("endpoint", endpoint).bind("address", address)
            .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The user's subscriptions; {@code thisSession} compares each one's session with {@code sessionId}. */
    Flux<Listed> list(String address, UUID sessionId) {
        return db.sql("""
                SELECT s.endpoint, s.user_agent, s.created_at, s.updated_at, s.expires_at, s.last_success_at,
                    %s AS signed_in, s.session_id IS NOT DISTINCT FROM :session AS this_session
                FROM push_subscription s WHERE lower(s.address) = lower(:address) ORDER BY s.created_at, s.endpoint""".formatted(SESSION_LIVE))
            .bind("address", address)
            .bind("session", sessionId)
            .map(row -> new Listed(row.get("endpoint", String.class), row.get("user_agent", String.class),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("updated_at", OffsetDateTime.class)),
                instant(row.get("expires_at", OffsetDateTime.class)), instant(row.get("last_success_at", OffsetDateTime.class)),
                Boolean.TRUE.equals(row.get("signed_in", Boolean.class)), Boolean.TRUE.equals(row.get("this_session", Boolean.class))))
            .all();
    }

    /** The subscriptions of a user that are pushed to: the browser has not said they expired, their session is signed in. */
    Flux<Target> targets(String address) {
        return db.sql("SELECT s.endpoint, s.p256dh, s.auth FROM push_subscription s WHERE " + PUSHED_TO)
            .bind("address", address)
            .map(row -> new Target(row.get("endpoint", String.class), row.get("p256dh", byte[].class), row.get("auth", byte[].class)))
            .all();
    }

    Mono<Boolean> any(String address) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM push_subscription s WHERE " + PUSHED_TO + ") AS present")
            .bind("address", address)
            .map(row -> Boolean.TRUE.equals(row.get("present", Boolean.class)))
            .one();
    }

    /** The push service said the subscription is gone (404/410): it will never accept a push again. */
    Mono<Void> remove(String endpoint) {
        successRecorded.remove(endpoint);
        return db.sql("DELETE FROM push_subscription WHERE endpoint = :endpoint").bind("endpoint", endpoint).then();
    }

    /**
     * The push service accepted a push. The first success after a failure (or after start) is written at once, as it
     * resets the failure count; after that a device that keeps accepting is written at most every
     * {@link #RECORD_SUCCESS_EVERY}, so a busy conversation costs no row update per message.
     */
    Mono<Void> delivered(String endpoint) {
        Long recorded = successRecorded.get(endpoint);
        long now = System.nanoTime();
        if (recorded != null && now - recorded < RECORD_SUCCESS_EVERY.toNanos()) {
            return Mono.empty();
        }
        return db.sql("UPDATE push_subscription SET last_success_at = now(), failures = 0 WHERE endpoint = :endpoint")
            .bind("endpoint", endpoint).then()
            .doOnSuccess(done -> {
                if (successRecorded.size() >= MAX_REMEMBERED) {
                    successRecorded.clear();
                }
                successRecorded.put(endpoint, now);
            });
    }

    Mono<Void> failed(String endpoint) {
        successRecorded.remove(endpoint);
        return db.sql("UPDATE push_subscription SET last_failure_at = now(), failures = failures + 1 WHERE endpoint = :endpoint")
            .bind("endpoint", endpoint).then();
    }

    /** Subscriptions the browser said would have expired a week ago are of no use to anyone. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    Mono<Void> purgeExpired() {
        return db.sql("DELETE FROM push_subscription WHERE expires_at < now() - interval '7 days'").then();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
