package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;

/** Only the caller and the callee may do anything with a call; anyone else learns nothing about it. */
final class OnlyParticipantsMayAct {

    private OnlyParticipantsMayAct() {
    }

    static Party check(String caller, String callee, Address who) {
        if (who.value().equals(caller)) {
            return Party.CALLER;
        }
        if (who.value().equals(callee)) {
            return Party.CALLEE;
        }
        throw refuse(ErrorCode.NOT_IN_CALL, who + " is not in this call");
    }
}
