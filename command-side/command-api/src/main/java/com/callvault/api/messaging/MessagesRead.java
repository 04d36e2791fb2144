package com.callvault.api.messaging;

import java.time.Instant;

/** {@code member} has read every message up to {@code upToSeq}. */
public record MessagesRead(String conversationId, String member, long upToSeq, Instant at) implements ConversationEvent {
}
