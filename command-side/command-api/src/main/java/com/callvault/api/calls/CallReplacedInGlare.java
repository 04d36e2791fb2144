package com.callvault.api.calls;

import java.time.Instant;

/** Both people called each other at once; this call gives way to {@code keptCallId} (the lower id) and ends. */
public record CallReplacedInGlare(String callId, String keptCallId, Instant at) implements CallEvent {
}
