package com.callvault.api.messaging;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts the direct conversation of {@code initiator} and {@code peer}, or finds it if it exists. */
public record StartConversation(@TargetAggregateIdentifier ConversationId conversationId, Address initiator, Address peer, Instant at) {

    public static StartConversation between(Address initiator, Address peer, Instant at) {
        return new StartConversation(ConversationId.direct(initiator, peer), initiator, peer, at);
    }
}
