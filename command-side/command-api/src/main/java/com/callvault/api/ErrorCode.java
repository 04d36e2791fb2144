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
    INVALID_CLIENT_MESSAGE_ID(422),
    NOT_IN_CALL(403),
    CALLEE_ONLY(403),
    CALLER_ONLY(403),
    CALL_NOT_FOUND(404),
    CALL_ENDED(409),
    CALL_ALREADY_ANSWERED(409),
    CALL_NOT_ANSWERED(409),
    CALL_ALREADY_RINGING(409),
    CALL_ID_TAKEN(409),
    GLARE_KEEPS_THIS_CALL(409),
    CANNOT_CALL_SELF(422),
    INVALID_RING_TIMEOUT(422),
    INVALID_DEVICE_ID(422),
    INVALID_CALL_REPORT(422);

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
