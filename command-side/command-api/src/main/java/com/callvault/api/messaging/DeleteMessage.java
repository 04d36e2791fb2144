package com.callvault.api.messaging;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes one's own message for everyone; deleting a deleted message changes nothing. */
public record DeleteMessage(@TargetAggregateIdentifier ConversationId conversationId, Address deleter, long seq, Instant at) {
}
