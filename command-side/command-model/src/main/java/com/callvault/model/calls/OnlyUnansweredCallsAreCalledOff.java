package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallState;

/**
 * Cancelling, declining, ringing more devices, busy, peer offline and glare only make sense before an answer;
 * an answered call is hung up instead.
 */
final class OnlyUnansweredCallsAreCalledOff {

    private OnlyUnansweredCallsAreCalledOff() {
    }

    static void check(CallState state) {
        if (state.answered()) {
            throw refuse(ErrorCode.CALL_ALREADY_ANSWERED, "the call was already answered; hang up instead");
        }
    }
}
