package com.callvault.model.messaging;

import static com.callvault.model.messaging.Violations.refuse;

import com.callvault.api.ErrorCode;

/** A message can be edited or deleted only by whoever sent it, and only while it exists. */
final class OnlyTheSenderMayChangeAMessage {

    private OnlyTheSenderMayChangeAMessage() {
    }

    static void check(long seq, long lastSeq, int senderIndex, int memberIndex) {
        if (seq < 1 || seq > lastSeq) {
            throw refuse(ErrorCode.MESSAGE_NOT_FOUND, "this conversation has no message " + seq);
        }
        if (senderIndex != memberIndex) {
            throw refuse(ErrorCode.NOT_YOUR_MESSAGE, "message " + seq + " was sent by the other member");
        }
    }
}
