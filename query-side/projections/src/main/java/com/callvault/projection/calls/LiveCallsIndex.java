package com.callvault.projection.calls;

import com.callvault.api.calls.CallAccepted;
import com.callvault.api.calls.CallConnected;
import com.callvault.api.calls.CallEnded;
import com.callvault.api.calls.CallInvited;
import com.callvault.api.calls.CallRinging;
import java.sql.Timestamp;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code live_call}: one row per call that has not ended. A subscribing processor
 * ({@value #PROCESSING_GROUP}), so the row is written in the very transaction that appends the call's event and
 * an error rolls the command back ({@link LiveCallsConfiguration}). That is what makes the gateway's busy and
 * glare checks sound across instances: whoever checks after an invite committed sees it. Not a replayable read
 * model: history lives in the call-facts projection.
 */
@Component
@ProcessingGroup(LiveCallsIndex.PROCESSING_GROUP)
class LiveCallsIndex {

    static final String PROCESSING_GROUP = "live-calls";

    private final JdbcTemplate jdbc;

    LiveCallsIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CallInvited event) {
        jdbc.update("""
            INSERT INTO live_call (call_id, caller, callee, caller_key, callee_key, media, state, caller_device, invited_at, rings_until)
            VALUES (?, ?, ?, ?, ?, ?, 'invited', ?, ?, ?) ON CONFLICT DO NOTHING""",
            event.callId(), event.caller(), event.callee(), key(event.caller()), key(event.callee()), event.media(),
            event.callerDevice(), Timestamp.from(event.invitedAt()), Timestamp.from(event.ringsUntil()));
    }

    @EventHandler
    void on(CallRinging event) {
        jdbc.update("UPDATE live_call SET state = 'ringing' WHERE call_id = ? AND state = 'invited'", event.callId());
    }

    @EventHandler
    void on(CallAccepted event) {
        jdbc.update("UPDATE live_call SET state = 'accepted', callee_device = ?, accepted_at = ? WHERE call_id = ?", event.device(),
            Timestamp.from(event.acceptedAt()), event.callId());
    }

    @EventHandler
    void on(CallConnected event) {
        jdbc.update("UPDATE live_call SET state = 'connected' WHERE call_id = ?", event.callId());
    }

    @EventHandler
    void on(CallEnded event) {
        jdbc.update("DELETE FROM live_call WHERE call_id = ?", event.callId());
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
