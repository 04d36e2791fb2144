package com.callvault.api.messaging;

import java.time.Instant;
import java.util.List;

/**
 * What {@link SendMessage} answers: where the message stands in the conversation.
 *
 * @param seq       the message's gap-free number in the conversation (1, 2, 3, …)
 * @param position  the conversation's change position of the {@code MessageSent} event (sync cursor)
 * @param duplicate true when this was a retry of a send already accepted
 * @param members   the conversation's members (EIP-55), to whom the message is delivered
 */
public record MessageAccepted(String conversationId, long seq, long position, String clientMessageId, Instant sentAt, boolean duplicate,
                              List<String> members) {

    public MessageAccepted {
        members = List.copyOf(members);
    }
}
