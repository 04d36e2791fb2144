package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallId;

/** Glare has one fixed rule (as in Matrix): the call with the lower id is kept, the other ends. */
final class TheLowerCallIdWinsGlare {

    private TheLowerCallIdWinsGlare() {
    }

    static void check(CallId thisCall, CallId keptCall) {
        if (!keptCall.winsGlareAgainst(thisCall)) {
            throw refuse(ErrorCode.GLARE_KEEPS_THIS_CALL, thisCall + " has the lower id and is the one kept in glare with " + keptCall);
        }
    }
}
