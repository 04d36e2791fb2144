package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.InviteCall;

/** An invite with an id that is taken is a retry only if it is the same invite; anything else is refused. */
final class ACallIdIsUsedOnce {

    private ACallIdIsUsedOnce() {
    }

    static void check(InviteCall invite, String caller, String callee, String media, String callerDevice) {
        boolean same = invite.caller().value().equals(caller) && invite.callee().value().equals(callee)
            && invite.media().wireName().equals(media) && invite.callerDevice().equals(callerDevice);
        if (!same) {
            throw refuse(ErrorCode.CALL_ID_TAKEN, "the call id " + invite.callId() + " is already in use");
        }
    }
}
