package com.callvault.query.changes;

import java.util.List;

/**
 * @param members      the conversation's members (EIP-55)
 * @param changes      in position order
 * @param lastPosition the position the changes bring a client to (the conversation's last one unless {@code limited})
 * @param limited      more changes exist than were asked for: reload the timeline instead
 */
public record ConversationChanges(List<String> members, List<ConversationChange> changes, long lastPosition, boolean limited) {

    public ConversationChanges {
        members = List.copyOf(members);
        changes = List.copyOf(changes);
    }
}
