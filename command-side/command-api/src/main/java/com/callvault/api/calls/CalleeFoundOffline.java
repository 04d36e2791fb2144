package com.callvault.api.calls;

import java.time.Instant;

/**
 * The callee had no live session when the call was placed; {@code pushSent} says whether a Web Push went out.
 * Without one, {@link CallEnded} ({@code peer-offline}) follows at once; with one, the call rings on until its timeout.
 */
public record CalleeFoundOffline(String callId, String callee, boolean pushSent, Instant at) implements CallEvent {
}
