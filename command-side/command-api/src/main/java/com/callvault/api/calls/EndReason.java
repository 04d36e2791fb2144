package com.callvault.api.calls;

/**
 * Why a call ended: the one list shared by the server, the web client, billing and analytics. Stored and sent
 * by {@link #wireName()} ({@code no-answer}, {@code ice-failed-before-connecting}, ...). Append only.
 */
public enum EndReason {
    /** A participant hung up an answered call. */
    HANGUP,
    /** The callee declined: every device stops ringing. */
    DECLINED,
    /** The caller gave up before an answer. */
    CANCELLED,
    /** The callee is in another call on one of their devices. */
    BUSY,
    /** Nobody answered within the ring timeout. */
    NO_ANSWER,
    /** The callee had no live session when the call was placed. */
    PEER_OFFLINE,
    /** Answered, but media never flowed (reported by a client, or nobody reported connected in time). */
    ICE_FAILED_BEFORE_CONNECTING,
    /** Media flowed, then ICE failed for good (after any ICE restart). */
    ICE_FAILED_AFTER_CONNECTING,
    /** A participant's connection to the server dropped and did not come back within the reconnect grace. */
    CONNECTION_LOST,
    /** Not an end of the call: what the callee's other devices are told when one device accepted. */
    ANSWERED_ELSEWHERE,
    /** Both people called each other at once; this call lost to the other one (the lower call id is kept). */
    GLARE_REPLACED,
    /** Reserved for paid calls: the caller's balance ran out. */
    INSUFFICIENT_FUNDS;

    /** Whether a call that ended so was never answered: nobody picked up, or it was called off first. */
    public boolean unanswered() {
        return switch (this) {
            case DECLINED, CANCELLED, BUSY, NO_ANSWER, PEER_OFFLINE, GLARE_REPLACED -> true;
            default -> false;
        };
    }

    /**
     * How a call went, for history and metrics: {@code connected} (media flowed), {@code unanswered}, or
     * {@code failed} (answered, media never flowed).
     */
    public static String outcome(EndReason reason, boolean mediaFlowed) {
        if (mediaFlowed) {
            return "connected";
        }
        return reason.unanswered() ? "unanswered" : "failed";
    }

    public String wireName() {
        return WireNames.of(this);
    }

    public static EndReason fromWireName(String name) {
        return WireNames.parse(EndReason.class, name);
    }
}
