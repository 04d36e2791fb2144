package com.callvault.gateway.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.ice.health.TurnHealthSnapshot;
import com.callvault.gateway.ice.health.TurnServerHealth;
import com.callvault.gateway.ice.health.TurnServerHealth.State;
import com.callvault.gateway.ice.verify.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code turn} check's live half, from the TURN health checks' snapshot. */
class TurnHealthReportTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    private static TurnServerHealth server(String name, State state, Verdict verdict, String detail) {
        return new TurnServerHealth(name, List.of("turn:" + name + "?transport=udp"), state, AT, state == State.DOWN ? 2 : 0,
            state == State.UP ? 3 : 0, AT, verdict, detail, 12L, List.of());
    }

    private static TurnHealthSnapshot snapshot(boolean enabled, boolean allDown, Instant round, TurnServerHealth... servers) {
        return new TurnHealthSnapshot(enabled, Duration.ofSeconds(30), 2, 1, allDown, round, List.of(servers));
    }

    @Test
    void all_relaying_is_ok_and_lists_each_server() {
        CheckResult result = TurnHealthReport.report(snapshot(true, false, AT,
            server("a.example:3478", State.UP, Verdict.OK, null), server("b.example:3478", State.UP, Verdict.OK, null)));

        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.summary()).contains("all 2 TURN servers relaying");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> servers = (List<Map<String, Object>>) result.details().get("servers");
        assertThat(servers).hasSize(2);
        assertThat(servers.getFirst()).containsEntry("state", "up").containsEntry("lastVerdict", "ok");
    }

    @Test
    void one_down_warns_with_its_cause_and_every_one_down_fails() {
        TurnServerHealth down = server("b.example:3478", State.DOWN, Verdict.WRONG_CREDENTIALS, "401: TURN_SECRET differs from coturn's");
        CheckResult some = TurnHealthReport.report(snapshot(true, false, AT, server("a.example:3478", State.UP, Verdict.OK, null), down));
        assertThat(some.status()).isEqualTo(CheckStatus.WARN);
        assertThat(some.summary()).contains("1 of 2", "b.example:3478: wrong-credentials", "TURN_SECRET differs");

        CheckResult all = TurnHealthReport.report(snapshot(true, true, AT, down));
        assertThat(all.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(all.summary()).contains("Every TURN server", "configured list unchanged");
    }

    @Test
    void checks_off_warn_nothing_to_check_and_no_round_yet_are_ok() {
        assertThat(TurnHealthReport.report(snapshot(false, false, null, server("a.example:3478", State.UNKNOWN, null, null))).status())
            .isEqualTo(CheckStatus.WARN);
        assertThat(TurnHealthReport.report(snapshot(false, false, null)).status()).isEqualTo(CheckStatus.OK);
        assertThat(TurnHealthReport.report(snapshot(true, false, null, server("a.example:3478", State.UNKNOWN, null, null))).summary())
            .contains("has not run yet");
    }
}
