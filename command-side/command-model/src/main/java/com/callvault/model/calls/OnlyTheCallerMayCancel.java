package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;

/** Only the caller cancels a call; the callee declines it instead. */
final class OnlyTheCallerMayCancel {

    private OnlyTheCallerMayCancel() {
    }

    static void check(Party party) {
        if (party != Party.CALLER) {
            throw refuse(ErrorCode.CALLER_ONLY, "only the caller may cancel a call");
        }
    }
}
