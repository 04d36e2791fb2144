package com.callvault.query.changes;

/**
 * The changes of a conversation after {@code afterPosition}, for a member catching up (WebSocket/RSocket
 * sync). Answers a {@link ConversationChanges}, or nothing when {@code address} is not a member.
 * Read from the event store itself, so a change is visible as soon as its command returned.
 */
public record FindConversationChanges(String conversationId, String address, long afterPosition, int limit) {
}
