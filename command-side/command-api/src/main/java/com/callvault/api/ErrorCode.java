package com.callvault.api;

import java.util.Locale;

/**
 * Codes for refused commands, shared by the server, the HTTP API ({@code code} of problem details), the
 * WebSocket {@code error} frame and the web client. Append only: clients switch on them.
 */
public enum ErrorCode {
    NOT_A_MEMBER(403),
    NOT_YOUR_MESSAGE(403),
    CONVERSATION_NOT_FOUND(404),
    MESSAGE_NOT_FOUND(404),
    MESSAGE_DELETED(409),
    SEQUENCE_FROM_FUTURE(422),
    MESSAGE_EMPTY(422),
    MESSAGE_TOO_LONG(422),
    TOO_MANY_ATTACHMENTS(422),
    CANNOT_CONVERSE_WITH_SELF(422),
    INVALID_CLIENT_MESSAGE_ID(422);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status this refusal maps to. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The wire form: lower-kebab, e.g. {@code not-a-member}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
