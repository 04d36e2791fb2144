package com.callvault.api.messaging;

import java.time.Instant;
import java.util.List;

/** A message was accepted as number {@code seq} (gap-free from 1) of the conversation. */
public record MessageSent(String conversationId, long seq, String clientMessageId, String sender, String body,
                          List<AttachmentRef> attachments, Instant sentAt) implements ConversationEvent {

    public MessageSent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
