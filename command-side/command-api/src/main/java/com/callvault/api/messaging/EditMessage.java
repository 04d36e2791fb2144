package com.callvault.api.messaging;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the body of one's own message. */
public record EditMessage(@TargetAggregateIdentifier ConversationId conversationId, Address editor, long seq, String body, Instant at) {
}
