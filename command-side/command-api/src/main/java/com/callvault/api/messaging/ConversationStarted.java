package com.callvault.api.messaging;

import java.time.Instant;
import java.util.List;

/** A conversation began. {@code kind} is {@code direct} (two members); groups will add their own kind. */
public record ConversationStarted(String conversationId, String kind, List<String> members, String startedBy, Instant startedAt)
    implements ConversationEvent {

    public static final String DIRECT = "direct";

    public ConversationStarted {
        members = List.copyOf(members);
    }
}
