package com.callvault.query.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message as it stands now.
 *
 * @param position     the change position of its {@code MessageSent}
 * @param lastPosition the change position of the latest thing that happened to it (sent, edited or deleted)
 * @param sender       EIP-55
 * @param body         null once deleted
 * @param attachments  empty once deleted
 */
public record MessageView(long seq, long position, long lastPosition, String clientMessageId, String sender, String body,
                          List<AttachmentView> attachments, Instant sentAt, Instant editedAt, Instant deletedAt) {

    public MessageView {
        attachments = List.copyOf(attachments);
    }
}
