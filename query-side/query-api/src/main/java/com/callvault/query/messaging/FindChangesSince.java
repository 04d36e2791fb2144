package com.callvault.query.messaging;

/**
 * What changed in a conversation after a position, for a member catching up (the WebSocket sync). Answers a
 * {@link ChangesSince}, or nothing when the conversation does not exist or {@code address} is not a member.
 */
public record FindChangesSince(String conversationId, String address, long afterPosition, int limit) {

    public static final int MAX_LIMIT = 1000;

    public FindChangesSince {
        Require.text(conversationId, "conversationId");
        Require.text(address, "address");
        Require.inRange(afterPosition, -1, Long.MAX_VALUE, "afterPosition");
        Require.inRange(limit, 1, MAX_LIMIT, "limit");
    }
}
