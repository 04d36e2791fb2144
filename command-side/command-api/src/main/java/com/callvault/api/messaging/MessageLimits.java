package com.callvault.api.messaging;

import java.util.regex.Pattern;

/** Limits every layer applies the same way (the aggregate decides; the edges check early to answer fast). */
public final class MessageLimits {

    /** Characters (UTF-16 code units) of a message body. */
    public static final int MAX_BODY_CHARS = 4096;
    public static final int MAX_ATTACHMENTS = 10;
    /** A client message id: 1–64 of {@code A-Z a-z 0-9 . _ ~ : -} (UUIDs, ULIDs and Matrix-style txn ids fit). */
    public static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,64}");

    private MessageLimits() {
    }
}
