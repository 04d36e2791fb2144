package com.callvault.query.messaging;

/**
 * One conversation, if {@code address} (any case) is a member. Answers a {@link ConversationView}, or nothing
 * when the conversation does not exist <em>or</em> the address is not a member: callers must not be able to
 * tell the two apart.
 */
public record FindConversation(String conversationId, String address) {

    public FindConversation {
        Require.text(conversationId, "conversationId");
        Require.text(address, "address");
    }
}
