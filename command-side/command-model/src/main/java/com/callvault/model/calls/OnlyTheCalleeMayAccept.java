package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;

/** Only the callee answers a call, by accepting or declining it; the caller cancels instead. */
final class OnlyTheCalleeMayAccept {

    private OnlyTheCalleeMayAccept() {
    }

    static void check(Party party) {
        if (party != Party.CALLEE) {
            throw refuse(ErrorCode.CALLEE_ONLY, "only the callee may accept or decline a call");
        }
    }
}
