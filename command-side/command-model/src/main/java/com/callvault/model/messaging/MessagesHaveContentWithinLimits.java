package com.callvault.model.messaging;

import static com.callvault.model.messaging.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.messaging.MessageLimits;

/** A message says something (text or attachments), within the size limits. */
final class MessagesHaveContentWithinLimits {

    private MessagesHaveContentWithinLimits() {
    }

    static void check(String body, int attachments) {
        if (body.isBlank() && attachments == 0) {
            throw refuse(ErrorCode.MESSAGE_EMPTY, "a message needs text or an attachment");
        }
        if (body.length() > MessageLimits.MAX_BODY_CHARS) {
            throw refuse(ErrorCode.MESSAGE_TOO_LONG, "a message holds at most " + MessageLimits.MAX_BODY_CHARS + " characters");
        }
        if (attachments > MessageLimits.MAX_ATTACHMENTS) {
            throw refuse(ErrorCode.TOO_MANY_ATTACHMENTS, "a message holds at most " + MessageLimits.MAX_ATTACHMENTS + " attachments");
        }
    }

    static void checkClientMessageId(String clientMessageId) {
        if (clientMessageId == null || !MessageLimits.CLIENT_MESSAGE_ID.matcher(clientMessageId).matches()) {
            throw refuse(ErrorCode.INVALID_CLIENT_MESSAGE_ID, "a client message id is 1-64 of A-Z a-z 0-9 . _ ~ : -");
        }
    }
}
