package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallState;
import com.callvault.api.calls.EndReason;
import java.util.Set;

/**
 * Nothing happens to an ended call any more. The one exception keeps retries safe: whoever ended a call by
 * hanging up, declining or cancelling may send that again, and is answered without change.
 */
final class EndedCallsStayEnded {

    private EndedCallsStayEnded() {
    }

    /** Refuses any command on an ended call. */
    static void check(CallState state, EndReason reason) {
        if (state == CallState.ENDED) {
            throw refuse(ErrorCode.CALL_ENDED, "the call has ended (" + reason.wireName() + ")");
        }
    }

    /** True when the call was ended by {@code who} with one of {@code ownEndings}: a repeat to answer without change. */
    static boolean isRepeat(CallState state, EndReason reason, String endedBy, String who, Set<EndReason> ownEndings) {
        if (state != CallState.ENDED) {
            return false;
        }
        if (who.equals(endedBy) && ownEndings.contains(reason)) {
            return true;
        }
        throw refuse(ErrorCode.CALL_ENDED, "the call has ended (" + reason.wireName() + ")");
    }
}
