package com.callvault.api.messaging;

import java.time.Instant;

/** Message {@code seq} now reads {@code body}. */
public record MessageEdited(String conversationId, long seq, String editor, String body, Instant editedAt) implements ConversationEvent {
}
