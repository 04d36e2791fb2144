package com.callvault.api.calls;

import java.time.Duration;
import java.util.regex.Pattern;

/** Limits and timers every layer applies the same way (the aggregate decides; the edges check early). */
public final class CallLimits {

    /** How long a call rings when the invite names no timeout. */
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(45);
    public static final Duration MIN_RING_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_RING_TIMEOUT = Duration.ofSeconds(120);
    /** How long an answered call waits for a participant whose connection to the server dropped. */
    public static final Duration RECONNECT_GRACE = Duration.ofSeconds(20);
    /** How long an accepted call may take to report connected before it ends as ICE failed before connecting. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Quality samples are kept at most once per participant per this interval; faster ones are scored, not stored. */
    public static final Duration QUALITY_SAMPLE_INTERVAL = Duration.ofSeconds(5);
    /** A device (session) id: 1-128 of {@code A-Z a-z 0-9 . _ ~ : -} (UUIDs fit). */
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");
    /** {@code endedBy} when no participant ended the call (timeouts, busy, offline, glare). */
    public static final String SERVER = "server";

    private CallLimits() {
    }
}
