package com.callvault.api.messaging;

import java.util.List;

/**
 * What edits, deletions and receipts answer: the conversation's change position after the command
 * ({@code changed} is false when nothing needed to change, e.g. a receipt that does not move forward).
 */
public record ChangeApplied(String conversationId, long position, boolean changed, List<String> members) {

    public ChangeApplied {
        members = List.copyOf(members);
    }
}
