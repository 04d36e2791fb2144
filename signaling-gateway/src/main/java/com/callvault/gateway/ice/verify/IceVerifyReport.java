package com.callvault.gateway.ice.verify;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The answer of {@code GET /api/admin/ice-verify}: every configured URI checked from this server.
 *
 * @param checkedAt   when the checks started (this server's clock)
 * @param mode        {@code TURN_MODE} in force
 * @param verdict     {@code ok} (every URI works), {@code degraded} (some fail, calls still have a working TURN URI, or STUN
 *                    without TURN), {@code failing} (no TURN URI relays, or nothing answers), {@code not-configured}
 * @param summary     the verdict in words
 * @param externalIps {@code TURN_EXTERNAL_IP}, what relayed addresses were compared with
 * @param stun        one result per {@code STUN_URLS} entry
 * @param turn        one result per {@code TURN_URLS} entry
 */
public record IceVerifyReport(Instant checkedAt, String mode, String verdict, String summary, List<String> externalIps,
                              List<ProbeResult> stun, List<ProbeResult> turn) {

    public IceVerifyReport {
        externalIps = List.copyOf(externalIps);
        stun = List.copyOf(stun);
        turn = List.copyOf(turn);
    }

    static IceVerifyReport of(Instant checkedAt, String mode, List<String> externalIps, List<ProbeResult> stun, List<ProbeResult> turn) {
        List<ProbeResult> all = Stream.concat(stun.stream(), turn.stream()).toList();
        List<ProbeResult> failed = all.stream().filter(r -> !r.ok() && r.verdict() != Verdict.NOT_TESTED).toList();
        String verdict;
        if (all.isEmpty()) {
            verdict = "not-configured";
        } else if (failed.isEmpty()) {
            verdict = "ok";
        } else if (!turn.isEmpty() ? turn.stream().noneMatch(r -> r.verdict().relays()) : stun.stream().noneMatch(ProbeResult::ok)) {
            verdict = "failing";
        } else {
            verdict = "degraded";
        }
        String summary = all.isEmpty() ? "No STUN or TURN URI is configured (STUN_URLS, TURN_URLS): calls work only on one network."
            : (all.size() - failed.size()) + " of " + all.size() + " URIs work" + (failed.isEmpty() ? "." : "; failing: "
                + String.join("; ", failed.stream().map(r -> r.uri() + " (" + r.verdict().code() + ")").toList()) + ".");
        return new IceVerifyReport(checkedAt, mode, verdict, summary, externalIps, stun, turn);
    }
}
