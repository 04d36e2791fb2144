package com.callvault.api;

/**
 * An aggregate identifier. All aggregates share one event store, so every id type renders with its own
 * {@link #prefix()} and identifiers of different aggregate types can never be equal.
 */
public interface AggregateId {

    /** The type prefix, e.g. {@code user}; unique per aggregate type. */
    String prefix();

    /** The identifier as stored in the event store: {@code <prefix>:<local part>}. */
    String value();

    static String compose(String prefix, String local) {
        return prefix + ":" + local;
    }

    static String localPart(String prefix, String value) {
        if (value == null || !value.startsWith(prefix + ":")) {
            throw new IllegalArgumentException("not a " + prefix + " id: " + value);
        }
        return value.substring(prefix.length() + 1);
    }
}
