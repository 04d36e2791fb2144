package com.callvault.api.calls;

import java.time.Instant;
import java.util.List;

/** The invite reached these devices of the callee (only the ones not ringing before), which now ring. */
public record CallRinging(String callId, String callee, List<String> devices, Instant ringingAt) implements CallEvent {

    public CallRinging {
        devices = List.copyOf(devices);
    }
}
