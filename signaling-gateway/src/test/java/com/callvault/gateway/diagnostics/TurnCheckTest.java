package com.callvault.gateway.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.ice.IceProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TurnCheckTest {

    static final IceProperties REST = new IceProperties("rest", List.of("a-secret-of-sixteen-chars"), List.of("turn:turn.example.com:3478"),
        "", "", List.of(), Duration.ofHours(1), "");

    @Test
    void a_plugged_in_health_summary_is_added_and_the_worse_status_wins() {
        TurnHealthSummary health = () -> Mono.just(CheckResult.warn("1 of 1 TURN server does not allocate.", Map.of("unhealthy", 1)));

        CheckResult result = new TurnCheck(REST, () -> health).run(RequestView.NONE).block();

        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.summary()).startsWith("TURN_MODE=rest: 1 TURN URI(s) (udp)").endsWith("1 of 1 TURN server does not allocate.");
        assertThat(result.details()).containsEntry("mode", "rest").containsEntry("health", Map.of("unhealthy", 1));
    }

    @Test
    void without_a_health_summary_the_configuration_is_reported_with_its_warnings() {
        CheckResult result = new TurnCheck(REST, () -> null).run(RequestView.NONE).block();

        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.summary()).contains("No TURN URI over TCP");
    }

    @Test
    void settings_the_server_would_refuse_fail_naming_the_variable() {
        IceProperties malformed = new IceProperties("rest", List.of("a-secret-of-sixteen-chars"), List.of("turn://turn.example.com"), "", "",
            List.of(), Duration.ofHours(1), "");

        CheckResult result = new TurnCheck(malformed, () -> null).run(RequestView.NONE).block();

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.summary()).contains("TURN_URLS holds an invalid URI 'turn://turn.example.com'");
    }

    @Test
    void custom_mode_is_a_warning_and_its_credential_is_never_shown() {
        IceProperties custom = new IceProperties("custom", List.of(), List.of("turn:turn.example.com:3478?transport=tcp"), "coturn-user",
            "coturn-password-1", List.of(), Duration.ofHours(1), "");

        CheckResult result = new TurnCheck(custom, () -> null).run(RequestView.NONE).block();

        assertThat(result.status()).isEqualTo(CheckStatus.WARN);
        assertThat(result.summary()).contains("static credential");
        assertThat(result.toString()).doesNotContain("coturn-password-1");
    }
}
