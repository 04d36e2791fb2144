package com.callvault.query.changes;

/** The members (EIP-55) of a conversation, as a {@code List<String>}; empty when {@code address} is not one of them. */
public record FindConversationMembers(String conversationId, String address) {
}
