package com.callvault.gateway.push;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a push again after a 429, a 5xx or a failed connection: what the push service asked for
 * ({@code Retry-After}, seconds or an HTTP date), else {@code first · 2^(attempt-1)} plus up to a fifth of it at random
 * (so devices that failed together do not retry together); never longer than {@code max}.
 */
record Backoff(Duration first, Duration max) {

    /** The delay before attempt {@code attempt + 1}, after attempt {@code attempt} (from 1) failed. */
    Duration after(int attempt, String retryAfter, Instant now) {
        Duration asked = retryAfter(retryAfter, now);
        if (asked != null) {
            return min(asked, max);
        }
        long base = first.toMillis() << Math.min(attempt - 1, 20);
        long jitter = base <= 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 5 + 1);
        return min(Duration.ofMillis(base + jitter), max);
    }

    /** {@code Retry-After} (RFC 9110 §10.2.3) as a delay from {@code now}; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
