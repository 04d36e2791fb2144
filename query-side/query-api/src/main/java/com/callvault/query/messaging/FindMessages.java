package com.callvault.query.messaging;

/**
 * A page of a conversation's timeline, for a member. Answers a {@link MessagePage}, or nothing when the
 * conversation does not exist or {@code address} is not a member.
 *
 * <p>Cursors are message numbers ({@code seq}), exclusive:
 * <ul>
 *   <li>neither cursor: the newest {@code limit} messages, <b>newest first</b>;</li>
 *   <li>{@code before}: the {@code limit} messages just before {@code before}, <b>newest first</b> (scrolling back);</li>
 *   <li>{@code after}: the {@code limit} messages just after {@code after}, <b>oldest first</b> (catching up).</li>
 * </ul>
 * Deleted messages stay in the timeline as tombstones, so numbers stay gap-free and a page is never short
 * in the middle of a conversation.
 */
public record FindMessages(String conversationId, String address, Long before, Long after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public FindMessages {
        Require.text(conversationId, "conversationId");
        Require.text(address, "address");
        Require.inRange(limit, 1, MAX_LIMIT, "limit");
        if (before != null && after != null) {
            throw new IllegalArgumentException("give before or after, not both");
        }
        if (before != null && before < 0 || after != null && after < 0) {
            throw new IllegalArgumentException("cursors are message numbers, 0 or more");
        }
    }

    /** True when the page runs oldest first. */
    public boolean ascending() {
        return after != null;
    }
}
