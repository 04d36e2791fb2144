package com.callvault.projection.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Small conversions between event fields and SQL parameters. */
final class Sql {

    private Sql() {
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Addresses as lookup keys: the read models compare lower-case. */
    static String lowerCase(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static String[] lowerCase(List<String> addresses) {
        return addresses.stream().map(Sql::lowerCase).toArray(String[]::new);
    }
}
