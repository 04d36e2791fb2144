package com.callvault.query.messaging;

import java.util.List;

/** A member's conversations, the newest activity (last message, else the start) first. */
public record InboxView(List<InboxEntry> conversations) {

    public InboxView {
        conversations = List.copyOf(conversations);
    }
}
