package com.callvault.projection.calls;

import com.callvault.api.calls.CallAccepted;
import com.callvault.api.calls.CallConnected;
import com.callvault.api.calls.CallEnded;
import com.callvault.api.calls.CallInvited;
import com.callvault.api.calls.CallQualitySummarised;
import com.callvault.api.calls.CallRinging;
import com.callvault.api.calls.CalleeFoundOffline;
import com.callvault.api.calls.ConnectionReported;
import com.callvault.api.calls.EndReason;
import com.callvault.api.calls.IceFailed;
import java.sql.Timestamp;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code call_fact}: one row per call with its parties, media, outcome, end reason, timings, the
 * candidate pair and whether a relay carried it, and its quality summary. Written with JDBC in the tracking
 * processor's transaction; every write is idempotent (insert-if-absent, then updates that set values from the
 * event), so a replay converges.
 */
@Component
@ProcessingGroup(CallFactsProjector.PROCESSING_GROUP)
class CallFactsProjector {

    static final String PROCESSING_GROUP = "call-facts";

    private final JdbcTemplate jdbc;

    CallFactsProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CallInvited event) {
        jdbc.update("""
            INSERT INTO call_fact (call_id, caller, callee, caller_key, callee_key, media, invited_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
            event.callId(), event.caller(), event.callee(), key(event.caller()), key(event.callee()), event.media(),
            Timestamp.from(event.invitedAt()));
    }

    @EventHandler
    void on(CallRinging event) {
        // devices are only ever added to a ringing call, each once: the count is the sum of the events
        jdbc.update("UPDATE call_fact SET ringing_devices = ringing_devices + ? WHERE call_id = ?", event.devices().size(), event.callId());
    }

    @EventHandler
    void on(CallAccepted event) {
        jdbc.update("UPDATE call_fact SET accepted_at = ? WHERE call_id = ?", Timestamp.from(event.acceptedAt()), event.callId());
    }

    @EventHandler
    void on(CallConnected event) {
        jdbc.update("""
            UPDATE call_fact SET connected_at = ?, time_to_connect_ms = ?, local_candidate_type = ?, remote_candidate_type = ?,
                   transport = ?, relayed = relayed OR ? WHERE call_id = ?""",
            Timestamp.from(event.connectedAt()), event.timeToConnectMillis(), event.localCandidateType(), event.remoteCandidateType(),
            event.protocol(), event.relayed(), event.callId());
    }

    @EventHandler
    void on(ConnectionReported event) {
        jdbc.update("UPDATE call_fact SET relayed = relayed OR ? WHERE call_id = ?", event.relayed(), event.callId());
    }

    @EventHandler
    void on(CallQualitySummarised event) {
        jdbc.update("""
            UPDATE call_fact SET quality_samples = ?, mos_min = ?, mos_avg = ?, rtt_avg_ms = ?, jitter_avg_ms = ?, loss_avg_percent = ?,
                   loss_max_percent = ?, bitrate_avg_kbps = ?, poor_samples = ? WHERE call_id = ?""",
            event.samples(), event.mos().min(), event.mos().avg(), event.rttMs().avg(), event.jitterMs().avg(), event.lossPercent().avg(),
            event.lossPercent().max(), event.bitrateKbps().avg(), event.poorSamples(), event.callId());
    }

    @EventHandler
    void on(IceFailed event) {
        jdbc.update("UPDATE call_fact SET ice_failed_gathered = ? WHERE call_id = ?", String.join(",", event.gatheredCandidateTypes()),
            event.callId());
    }

    @EventHandler
    void on(CalleeFoundOffline event) {
        jdbc.update("UPDATE call_fact SET push_sent = ? WHERE call_id = ?", event.pushSent(), event.callId());
    }

    @EventHandler
    void on(CallEnded event) {
        String outcome = EndReason.outcome(EndReason.fromWireName(event.reason()), event.connectedMillis() != null);
        jdbc.update("""
            UPDATE call_fact SET ended_at = ?, outcome = ?, end_reason = ?, ended_by = ?, ringing_ms = ?, setup_ms = ?, connected_ms = ?
             WHERE call_id = ?""",
            Timestamp.from(event.endedAt()), outcome, event.reason(), event.endedBy(), event.ringingMillis(), event.setupMillis(),
            event.connectedMillis(), event.callId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM call_fact");
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
