package com.callvault.model.calls;

import java.time.Instant;

/**
 * The call's durable timers, scheduled on Axon's {@code DeadlineManager} (db-scheduler in the application).
 * Payloads are stored with the deadline (JSON inside db-scheduler's {@code scheduled_tasks.task_data}), so they
 * are small records. A deadline may fire after its cancellation was decided (a race with another instance), so
 * every handler checks that its deadline still applies.
 */
final class CallDeadlines {

    static final String RING_TIMEOUT = "call-ring-timeout";
    static final String CONNECT_TIMEOUT = "call-connect-timeout";
    static final String RECONNECT_GRACE = "call-reconnect-grace";

    /** Event metadata that carries the id of the deadline scheduled with the event, so a reloaded call can cancel it. */
    static final String RING_TIMEOUT_ID = "ringTimeoutId";
    static final String CONNECT_TIMEOUT_ID = "connectTimeoutId";
    static final String RECONNECT_GRACE_ID = "reconnectGraceId";

    /** Nobody answered by {@code due}. */
    record RingTimeout(Instant due) {
    }

    /** The call accepted at {@code due − CONNECT_TIMEOUT} has not connected by {@code due}. */
    record ConnectTimeout(Instant due) {
    }

    /** {@code participant}, disconnected at {@code disconnectedAt}, has not come back by {@code due}. */
    record ReconnectGrace(String participant, Instant disconnectedAt, Instant due) {
    }

    private CallDeadlines() {
    }
}
