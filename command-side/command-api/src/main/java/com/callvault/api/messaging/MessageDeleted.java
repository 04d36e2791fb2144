package com.callvault.api.messaging;

import java.time.Instant;

/** Message {@code seq} was deleted for everyone; read models drop its body and attachments. */
public record MessageDeleted(String conversationId, long seq, String deletedBy, Instant deletedAt) implements ConversationEvent {
}
