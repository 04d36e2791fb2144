package com.callvault.gateway.messaging;

import static com.callvault.gateway.messaging.ConversationProblems.invalid;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.MessageLimits;
import com.callvault.query.messaging.FindMessages;

/**
 * Path and query values of the conversation endpoints, parsed or refused with the problem that names what
 * is wrong. Checked before anything is sent, so a refused request never reaches the aggregate.
 */
final class RequestValues {

    private RequestValues() {
    }

    static ConversationId conversationId(String value) {
        try {
            return ConversationId.parse(value);
        } catch (IllegalArgumentException e) {
            throw ConversationProblems.conversationNotFound(); // an id that cannot exist names no conversation
        }
    }

    static long seq(String value) {
        Long seq = number(value);
        if (seq == null || seq < 1) {
            throw invalid("invalid-sequence", "A message number is a whole number from 1, got '" + value + "'");
        }
        return seq;
    }

    /** An optional {@code before}/{@code after} cursor: a message number, 0 or more. */
    static Long cursor(String name, String value) {
        if (value == null) {
            return null;
        }
        Long cursor = number(value);
        if (cursor == null || cursor < 0) {
            throw invalid("invalid-cursor", "'" + name + "' is a message number (0 or more), got '" + value + "'");
        }
        return cursor;
    }

    static int limit(String value) {
        if (value == null) {
            return FindMessages.DEFAULT_LIMIT;
        }
        Long limit = number(value);
        if (limit == null || limit < 1 || limit > FindMessages.MAX_LIMIT) {
            throw invalid("invalid-limit", "'limit' is a whole number from 1 to " + FindMessages.MAX_LIMIT + ", got '" + value + "'");
        }
        return limit.intValue();
    }

    static String clientMessageId(String value) {
        if (!MessageLimits.CLIENT_MESSAGE_ID.matcher(value).matches()) {
            throw ConversationProblems.unprocessable(ErrorCode.INVALID_CLIENT_MESSAGE_ID,
                "A client message id is 1-64 of A-Z a-z 0-9 . _ ~ : -");
        }
        return value;
    }

    static Address address(String value) {
        try {
            return Address.of(value);
        } catch (IllegalArgumentException e) {
            throw invalid("invalid-address", e.getMessage());
        }
    }

    private static Long number(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(value);
    }
}
