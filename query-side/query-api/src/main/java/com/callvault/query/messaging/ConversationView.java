package com.callvault.query.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as its members see it.
 *
 * @param members      in the order the conversation was started with (the initiator first), with their marks
 * @param lastSeq      the newest message's number (0 before the first)
 * @param lastPosition the position of the conversation's latest change of any kind
 */
public record ConversationView(String conversationId, String kind, String startedBy, Instant startedAt, List<MemberView> members,
                               long lastSeq, long lastPosition) {

    public ConversationView {
        members = List.copyOf(members);
    }
}
