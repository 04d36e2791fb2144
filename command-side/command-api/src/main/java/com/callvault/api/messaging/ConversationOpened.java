package com.callvault.api.messaging;

import java.util.List;

/** What {@link StartConversation} answers: the conversation, its members (EIP-55) and whether it was just created. */
public record ConversationOpened(String conversationId, List<String> members, boolean created) {

    public ConversationOpened {
        members = List.copyOf(members);
    }
}
