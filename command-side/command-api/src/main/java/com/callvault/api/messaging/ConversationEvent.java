package com.callvault.api.messaging;

/**
 * Events of the {@code Conversation} aggregate: a stored contract (names, packages and field shapes stay;
 * a change of shape gets {@code @Revision} and an upcaster). Each event's position in the conversation is
 * its aggregate sequence number (0 for {@link ConversationStarted}), the cursor clients sync with.
 * Addresses are EIP-55 strings.
 */
public sealed interface ConversationEvent
    permits ConversationStarted, MessageSent, MessageEdited, MessageDeleted, MessagesDelivered, MessagesRead {

    String conversationId();
}
