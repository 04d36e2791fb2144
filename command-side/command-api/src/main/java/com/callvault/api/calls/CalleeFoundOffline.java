package com.callvault.api.calls;

import java.time.Instant;

/** The callee had no live session when the call was placed; {@code pushSent} says whether a Web Push went out. */
public record CalleeFoundOffline(String callId, String callee, boolean pushSent, Instant at) implements CallEvent {
}
