package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallState;

/** A callee whose device is already ringing is not offline. */
final class PeersAreFoundOfflineBeforeRinging {

    private PeersAreFoundOfflineBeforeRinging() {
    }

    static void check(CallState state) {
        if (state == CallState.RINGING) {
            throw refuse(ErrorCode.CALL_ALREADY_RINGING, "the call is already ringing on a device of the callee");
        }
    }
}
