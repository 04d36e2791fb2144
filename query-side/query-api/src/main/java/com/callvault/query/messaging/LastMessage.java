package com.callvault.query.messaging;

import java.time.Instant;

/**
 * The newest message of a conversation, enough for an inbox line.
 *
 * @param preview the body cut to at most {@value #PREVIEW_CHARS} characters; null once the message is deleted
 */
public record LastMessage(long seq, String sender, String preview, Instant sentAt, boolean hasAttachments, boolean deleted) {

    public static final int PREVIEW_CHARS = 140;
}
