package com.callvault.projection.changes;

import com.callvault.api.messaging.MessageDeleted;
import com.callvault.api.messaging.MessageEdited;
import com.callvault.api.messaging.MessageSent;
import com.callvault.api.messaging.MessagesDelivered;
import com.callvault.api.messaging.MessagesRead;
import com.callvault.query.changes.ConversationChange;
import com.callvault.query.changes.ConversationChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns stored events into the changes a client applies. A message sent inside the window is sent once,
 * as it stands at the window's end: edited text applied, and no body or attachments once deleted.
 */
final class ChangeFolding {

    record Stored(long position, Object event) {
    }

    private ChangeFolding() {
    }

    static ConversationChanges fold(List<String> members, List<Stored> events, long afterPosition, int limit) {
        boolean limited = events.size() > limit;
        List<Stored> window = limited ? events.subList(0, limit) : events;
        Map<Long, ConversationChange.Message> sentInWindow = new LinkedHashMap<>();
        List<ConversationChange> changes = new ArrayList<>();
        for (Stored stored : window) {
            long position = stored.position();
            switch (stored.event()) {
                case MessageSent e -> {
                    var message = new ConversationChange.Message(position, e.seq(), e.clientMessageId(), e.sender(), e.body(), e.attachments(),
                        e.sentAt(), null, null);
                    sentInWindow.put(e.seq(), message);
                    changes.add(message);
                }
                case MessageEdited e -> {
                    var sent = sentInWindow.get(e.seq());
                    if (sent == null) {
                        changes.add(new ConversationChange.Edited(position, e.seq(), e.body(), e.editedAt()));
                    } else {
                        replace(changes, sentInWindow, sent, new ConversationChange.Message(position, sent.seq(), sent.clientMessageId(),
                            sent.sender(), e.body(), sent.attachments(), sent.sentAt(), e.editedAt(), null));
                    }
                }
                case MessageDeleted e -> {
                    var sent = sentInWindow.get(e.seq());
                    if (sent == null) {
                        changes.add(new ConversationChange.Deleted(position, e.seq(), e.deletedAt()));
                    } else {
                        replace(changes, sentInWindow, sent, new ConversationChange.Message(position, sent.seq(), sent.clientMessageId(),
                            sent.sender(), null, List.of(), sent.sentAt(), sent.editedAt(), e.deletedAt()));
                    }
                }
                case MessagesDelivered e -> changes.add(new ConversationChange.Receipt(position, e.member(), "delivered", e.upToSeq(), e.at()));
                case MessagesRead e -> changes.add(new ConversationChange.Receipt(position, e.member(), "read", e.upToSeq(), e.at()));
                default -> { } // ConversationStarted: the client knows the conversation already
            }
        }
        long lastPosition = window.isEmpty() ? afterPosition : window.getLast().position();
        return new ConversationChanges(members, changes, lastPosition, limited);
    }

    /** A folded message moves to the position of its latest change, so changes stay in position order. */
    private static void replace(List<ConversationChange> changes, Map<Long, ConversationChange.Message> sentInWindow,
                                ConversationChange.Message old, ConversationChange.Message updated) {
        changes.remove(old);
        changes.add(updated);
        sentInWindow.put(updated.seq(), updated);
    }
}
