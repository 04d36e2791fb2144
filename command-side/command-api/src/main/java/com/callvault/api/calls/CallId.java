package com.callvault.api.calls;

import com.callvault.api.AggregateId;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a {@code Call}: {@code call:<lower-case uuid>}. New ids are UUIDv7 (RFC 9562), so they sort by
 * creation time, and glare has one fixed rule: of two calls between the same people, the lower id (the
 * earlier invite) is kept, as Matrix does (MSC2746).
 */
public record CallId(String value) implements AggregateId, Comparable<CallId> {

    public static final String PREFIX = "call";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public CallId {
        String local = AggregateId.localPart(PREFIX, value);
        if (!UUID_TEXT.matcher(local).matches()) {
            throw new IllegalArgumentException("a call id is call:<lower-case uuid>, got " + value);
        }
    }

    public static CallId parse(String value) {
        return new CallId(value);
    }

    /** A new, time-ordered id: 48 bits of Unix milliseconds, version 7, then 74 random bits. */
    public static CallId newId() {
        long millis = System.currentTimeMillis();
        long most = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new CallId(AggregateId.compose(PREFIX, new UUID(most, least).toString()));
    }

    /** Glare: of two calls between the same two people, the one with the lower id is kept. */
    public boolean winsGlareAgainst(CallId other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(CallId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String toString() {
        return value;
    }
}
