package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallLimits;
import com.callvault.api.calls.InviteCall;
import java.util.Collection;

/** A call is between two different people, from a named device, and rings for a sensible time. */
final class InvitesAreWellFormed {

    private InvitesAreWellFormed() {
    }

    static void check(InviteCall invite) {
        if (invite.caller().equals(invite.callee())) {
            throw refuse(ErrorCode.CANNOT_CALL_SELF, "a call needs two different addresses");
        }
        checkDevice(invite.callerDevice());
        if (invite.ringTimeout().compareTo(CallLimits.MIN_RING_TIMEOUT) < 0 || invite.ringTimeout().compareTo(CallLimits.MAX_RING_TIMEOUT) > 0) {
            throw refuse(ErrorCode.INVALID_RING_TIMEOUT, "a call rings for " + CallLimits.MIN_RING_TIMEOUT.toSeconds() + "-"
                + CallLimits.MAX_RING_TIMEOUT.toSeconds() + " seconds");
        }
    }

    static void checkDevice(String device) {
        if (device == null || !CallLimits.DEVICE_ID.matcher(device).matches()) {
            throw refuse(ErrorCode.INVALID_DEVICE_ID, "a device id is 1-128 of A-Z a-z 0-9 . _ ~ : -");
        }
    }

    static void checkDevices(Collection<String> devices) {
        if (devices.isEmpty()) {
            throw refuse(ErrorCode.INVALID_DEVICE_ID, "name at least one ringing device");
        }
        devices.forEach(InvitesAreWellFormed::checkDevice);
    }
}
