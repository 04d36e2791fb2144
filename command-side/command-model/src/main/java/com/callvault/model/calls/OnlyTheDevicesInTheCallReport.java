package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;

/**
 * A call runs between two devices: the caller's and the one that accepted. Reports about media and
 * connections come from those two only; the callee's other devices were answered elsewhere.
 */
final class OnlyTheDevicesInTheCallReport {

    private OnlyTheDevicesInTheCallReport() {
    }

    static void check(String deviceInCall, Address who, String device) {
        if (deviceInCall == null || !deviceInCall.equals(device)) {
            throw refuse(ErrorCode.NOT_IN_CALL, "device " + device + " of " + who + " is not in this call");
        }
    }
}
