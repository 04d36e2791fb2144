package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up check of the ICE settings: what starts, and what refuses to start with a message naming the variable. */
class IceSettingsTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final List<String> TURN = List.of("turn:turn.callvs.com:3478?transport=udp", "turn:turn.callvs.com:3478?transport=tcp");
    static final List<String> STUN = List.of("stun:turn.callvs.com:3478");

    static IceProperties properties(String mode, List<String> secret, List<String> turn, String username, String credential,
                                    List<String> stun, Duration ttl, String prefix) {
        return new IceProperties(mode, secret, turn, username, credential, stun, ttl, prefix);
    }

    static IceProperties rest(List<String> secret, List<String> turn) {
        return properties("rest", secret, turn, "", "", STUN, Duration.ofHours(1), "");
    }

    @Test
    void nothing_configured_is_none_mode_without_servers() {
        IceSettings settings = IceSettings.from(properties(null, null, null, null, null, null, null, null));

        assertThat(settings.mode()).isEqualTo(TurnMode.NONE);
        assertThat(settings.stunUris()).isEmpty();
        assertThat(settings.turnUris()).isEmpty();
        assertThat(settings.ttl()).isEqualTo(IceSettings.DEFAULT_TTL);
    }

    @Test
    void the_seed_configuration_is_custom_mode() {
        IceSettings settings = IceSettings.from(properties("custom", List.of(), List.of("turn:callvs.com:3478", "turn:callvs.com:3478?transport=tcp"),
            "coturn-user", "coturn-password", List.of("stun:callvs.com:3478", "stun:stun.l.google.com:19302"), Duration.ofHours(1), ""));

        assertThat(settings.mode()).isEqualTo(TurnMode.CUSTOM);
        assertThat(settings.turnUris()).hasSize(2);
        assertThat(settings.stunUris()).hasSize(2);
        assertThat(settings.warnings()).anyMatch(w -> w.startsWith("TURN_MODE=custom"));
    }

    @Test
    void rest_mode_keeps_every_secret_in_order_and_never_prints_them() {
        IceSettings settings = IceSettings.from(rest(List.of(SECRET, "fedcba9876543210fedcba9876543210"), TURN));

        assertThat(settings.secrets()).containsExactly(SECRET, "fedcba9876543210fedcba9876543210");
        assertThat(settings.toString()).doesNotContain(SECRET).contains("secrets=2");
        assertThat(rest(List.of(SECRET), TURN).toString()).doesNotContain(SECRET);
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void a_blank_mode_is_inferred_from_the_credentials_that_are_set() {
        assertThat(IceSettings.from(properties("", List.of(SECRET), TURN, "", "", List.of(), null, "")).mode()).isEqualTo(TurnMode.REST);
        assertThat(IceSettings.from(properties("", List.of(), TURN, "u", "p", List.of(), null, "")).mode()).isEqualTo(TurnMode.CUSTOM);
        assertThat(IceSettings.from(properties("", List.of(), List.of(), "", "", STUN, null, "")).mode()).isEqualTo(TurnMode.NONE);
        assertThat(IceSettings.from(properties("REST", List.of(SECRET), TURN, "", "", List.of(), null, "")).mode()).isEqualTo(TurnMode.REST);
    }

    @Test
    void explicit_none_ignores_turn_settings() {
        IceSettings settings = IceSettings.from(properties("none", List.of(SECRET), TURN, "", "", STUN, null, ""));

        assertThat(settings.turnUris()).isEmpty();
        assertThat(settings.secrets()).isEmpty();
        assertThat(settings.stunUris()).hasSize(1);
    }

    @Test
    void an_unknown_mode_is_refused() {
        refused(properties("coturn", List.of(SECRET), TURN, "", "", STUN, null, ""), "TURN_MODE must be rest, custom or none, got 'coturn'");
    }

    @Test
    void rest_mode_without_a_secret_or_urls_is_refused() {
        refused(rest(List.of(), TURN), "TURN_SECRET is required when TURN_MODE=rest");
        refused(rest(List.of(SECRET), List.of()), "TURN_URLS is required when TURN_MODE=rest");
        refused(rest(List.of(SECRET, "short"), TURN), "TURN_SECRET: every secret needs at least 16 characters");
    }

    @Test
    void custom_mode_without_username_or_credential_is_refused() {
        refused(properties("custom", List.of(), TURN, "", "p", STUN, null, ""), "TURN_USERNAME and TURN_CREDENTIAL are both required when TURN_MODE=custom (TURN_USERNAME is missing)");
        refused(properties("custom", List.of(), TURN, "u", "", STUN, null, ""), "TURN_USERNAME and TURN_CREDENTIAL are both required when TURN_MODE=custom (TURN_CREDENTIAL is missing)");
        refused(properties("custom", List.of(), List.of(), "u", "p", STUN, null, ""), "TURN_URLS is required when TURN_MODE=custom");
    }

    @Test
    void ambiguous_or_incomplete_settings_without_a_mode_are_refused() {
        refused(properties("", List.of(SECRET), TURN, "u", "p", STUN, null, ""), "TURN_MODE is not set and both TURN_SECRET and TURN_USERNAME/TURN_CREDENTIAL are");
        refused(properties("", List.of(), TURN, "", "", STUN, null, ""), "TURN_URLS is set but TURN_MODE is not");
    }

    @Test
    void malformed_or_misplaced_urls_are_refused() {
        refused(rest(List.of(SECRET), List.of("turn://callvs.com:3478")), "TURN_URLS holds an invalid URI 'turn://callvs.com:3478'");
        refused(rest(List.of(SECRET), List.of("stun:callvs.com:3478")), "TURN_URLS holds a STUN URI 'stun:callvs.com:3478': put it in STUN_URLS");
        refused(properties("rest", List.of(SECRET), TURN, "", "", List.of("turn:callvs.com"), null, ""),
            "STUN_URLS holds a TURN URI 'turn:callvs.com': put it in TURN_URLS");
        refused(properties("none", List.of(), List.of(), "", "", List.of("stun:callvs.com:99999"), null, ""), "STUN_URLS holds an invalid URI");
    }

    @Test
    void ttl_and_prefix_are_bounded() {
        refused(properties("rest", List.of(SECRET), TURN, "", "", STUN, Duration.ofSeconds(30), ""), "TURN_TTL must be between 1m and 7d");
        refused(properties("rest", List.of(SECRET), TURN, "", "", STUN, Duration.ofDays(8), ""), "TURN_TTL must be between 1m and 7d");
        refused(properties("rest", List.of(SECRET), TURN, "", "", STUN, null, "a:b"), "TURN_USER_PREFIX may hold");
        assertThat(IceSettings.from(properties("rest", List.of(SECRET), TURN, "", "", STUN, Duration.ofMinutes(1), "cv-")).userPrefix())
            .isEqualTo("cv-");
    }

    private static void refused(IceProperties properties, String message) {
        assertThatThrownBy(() -> IceSettings.from(properties))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(message)
            .hasMessageNotContaining(SECRET);
    }
}
