package com.callvault.api.messaging;

import com.callvault.api.identity.Address;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sends a message. {@code clientMessageId} is chosen by the client; sending again with the same one answers
 * the original {@link MessageAccepted} and creates nothing (a retry after a lost answer is safe).
 */
public record SendMessage(@TargetAggregateIdentifier ConversationId conversationId, Address sender, String clientMessageId,
                          String body, List<AttachmentRef> attachments, Instant at) {

    public SendMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        body = body == null ? "" : body;
    }
}
