package com.callvault.gateway.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallSettingsTest {

    @Test
    void the_ring_timeout_defaults_to_45_seconds_and_is_kept_between_1_and_120_seconds() {
        assertThat(new CallSettings(null).ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(new CallSettings(Duration.ofSeconds(5)).ringTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new CallSettings(Duration.ofMillis(500))).hasMessageStartingWith("CALL_RING_TIMEOUT must be between 1s and 120s");
        assertThatThrownBy(() -> new CallSettings(Duration.ofMinutes(3))).hasMessageContaining("CALL_RING_TIMEOUT");
    }
}
