package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallState;

/** Media reports (connected, quality, ICE failure) need an answered call: before an accept there is no peer connection. */
final class CallsConnectOnlyAfterAnAccept {

    private CallsConnectOnlyAfterAnAccept() {
    }

    static void check(CallState state) {
        if (state.unanswered()) {
            throw refuse(ErrorCode.CALL_NOT_ANSWERED, "the call has not been answered yet");
        }
    }
}
