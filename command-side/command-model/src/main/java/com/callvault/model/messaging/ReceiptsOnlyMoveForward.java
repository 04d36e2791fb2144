package com.callvault.model.messaging;

import static com.callvault.model.messaging.Violations.refuse;

import com.callvault.api.ErrorCode;

/** A receipt names a message that exists; one that does not move past the current mark changes nothing. */
final class ReceiptsOnlyMoveForward {

    private ReceiptsOnlyMoveForward() {
    }

    /** True when the receipt moves the mark forward. */
    static boolean moves(long upToSeq, long current, long lastSeq) {
        if (upToSeq > lastSeq) {
            throw refuse(ErrorCode.SEQUENCE_FROM_FUTURE, "message " + upToSeq + " does not exist yet (the last is " + lastSeq + ")");
        }
        return upToSeq > current;
    }
}
