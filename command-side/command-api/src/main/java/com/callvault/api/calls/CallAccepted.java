package com.callvault.api.calls;

import java.time.Instant;
import java.util.List;

/**
 * The callee answered on {@code device}. {@code otherDevices} rang too and now stop, told
 * {@link EndReason#ANSWERED_ELSEWHERE}. The peers start connecting.
 */
public record CallAccepted(String callId, String callee, String device, List<String> otherDevices, Instant acceptedAt)
    implements CallEvent {

    public CallAccepted {
        otherDevices = List.copyOf(otherDevices);
    }
}
