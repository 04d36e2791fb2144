package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallState;

/**
 * The first accept wins. The same device accepting again is a retry (answered without change); any other
 * device is told the call was answered elsewhere. Concurrent accepts are serialised by the aggregate (one
 * lock per call here, the event store's unique sequence across instances), so exactly one of them wins.
 */
final class ExactlyOneAcceptWins {

    private ExactlyOneAcceptWins() {
    }

    /** True when {@code device} already accepted this call. */
    static boolean isRepeat(CallState state, String acceptedDevice, String device) {
        if (!state.answered()) {
            return false;
        }
        if (device.equals(acceptedDevice)) {
            return true;
        }
        throw refuse(ErrorCode.CALL_ALREADY_ANSWERED, "the call was answered on another device");
    }
}
