package com.callvault.api.messaging;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code member} has read every message up to {@code upToSeq} (which implies delivered). Receipts only move forward. */
public record MarkRead(@TargetAggregateIdentifier ConversationId conversationId, Address member, long upToSeq, Instant at) {
}
