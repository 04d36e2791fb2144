package com.callvault.api.messaging;

import java.time.Instant;

/** {@code member} has received every message up to {@code upToSeq}. */
public record MessagesDelivered(String conversationId, String member, long upToSeq, Instant at) implements ConversationEvent {
}
