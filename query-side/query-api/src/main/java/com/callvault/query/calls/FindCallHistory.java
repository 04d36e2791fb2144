package com.callvault.query.calls;

/**
 * The calls of {@code address} (placed or received), newest first: up to {@code limit} calls older than the call
 * {@code before} (null for the newest). Answers a {@link CallHistoryPage}.
 */
public record FindCallHistory(String address, String before, int limit) {

    public static final int MAX_LIMIT = 200;

    public FindCallHistory {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
