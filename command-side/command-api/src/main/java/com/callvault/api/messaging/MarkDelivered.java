package com.callvault.api.messaging;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code member}'s devices have received every message up to {@code upToSeq}. Receipts only move forward. */
public record MarkDelivered(@TargetAggregateIdentifier ConversationId conversationId, Address member, long upToSeq, Instant at) {
}
