package com.callvault.query.messaging;

import java.util.List;

/**
 * The messages whose {@link MessageView#lastPosition()} is after the asked position, in that order and as
 * they stand now (an edit or a deletion shows as the message's current state), and every member's current
 * receipt marks with the positions they were set at (marks only move forward: apply the larger).
 *
 * @param lastPosition the conversation's current position; when not {@code limited}, this answer brings the
 *                     client up to it
 * @param limited      more messages changed than the limit: continue from {@link #resumePosition()}
 */
public record ChangesSince(List<MessageView> messages, List<MemberView> receipts, long lastPosition, boolean limited) {

    public ChangesSince {
        messages = List.copyOf(messages);
        receipts = List.copyOf(receipts);
    }

    /** The position this answer brings the client to: where the next request continues from. */
    public long resumePosition() {
        return limited ? messages.getLast().lastPosition() : lastPosition;
    }
}
