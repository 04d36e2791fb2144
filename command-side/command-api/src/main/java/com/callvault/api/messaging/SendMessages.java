package com.callvault.api.messaging;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sends several messages into one conversation in one unit of work: one append and one commit for all of
 * them. Each message is decided on its own, in the order given, exactly as its {@link SendMessage} would be
 * (numbered after the one before it; a retry answers the original; a refusal refuses that message only), and
 * {@link SendResults} answers each in the same order.
 */
public record SendMessages(@TargetAggregateIdentifier ConversationId conversationId, List<SendMessage> messages) {

    public SendMessages {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one message");
        }
        for (SendMessage message : messages) {
            if (!message.conversationId().equals(conversationId)) {
                throw new IllegalArgumentException("every message of a batch goes into " + conversationId + ", not " + message.conversationId());
            }
        }
    }
}
