package com.callvault.query.changes;

import com.callvault.api.messaging.AttachmentRef;
import java.time.Instant;
import java.util.List;

/** One change a catching-up member needs, already folded: a message sent and then deleted in the window comes without its body. */
public sealed interface ConversationChange {

    long position();

    /** A message sent after the cursor, as it stands at the end of the window (edits applied, deletion applied). */
    record Message(long position, long seq, String clientMessageId, String sender, String body, List<AttachmentRef> attachments,
                   Instant sentAt, Instant editedAt, Instant deletedAt) implements ConversationChange {
    }

    /** An older message was edited. */
    record Edited(long position, long seq, String body, Instant editedAt) implements ConversationChange {
    }

    /** An older message was deleted. */
    record Deleted(long position, long seq, Instant deletedAt) implements ConversationChange {
    }

    /** {@code kind}: {@code delivered} or {@code read}. */
    record Receipt(long position, String member, String kind, long upToSeq, Instant at) implements ConversationChange {
    }
}
