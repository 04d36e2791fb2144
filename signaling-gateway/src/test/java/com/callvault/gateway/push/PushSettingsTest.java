package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callvault.gateway.CallVaultApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** VAPID settings are checked at start-up, and every refusal names the variable to fix; the key command prints usable lines. */
class PushSettingsTest {

    static final VapidKeys KEYS = VapidKeys.generate();

    @Test
    void no_keys_means_push_is_off() {
        assertThat(PushSettings.from(properties("", "", "")).enabled()).isFalse();
    }

    @Test
    void a_generated_pair_with_a_subject_turns_push_on() {
        PushSettings settings = PushSettings.from(properties(KEYS.publicKey(), KEYS.privateKey(), "mailto:ops@callvs.com"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.vapid().get().publicKey()).isEqualTo(KEYS.publicKey());
        assertThat(PushSettings.from(properties(KEYS.publicKey(), KEYS.privateKey(), "https://callvs.com/contact")).subject())
            .isEqualTo("https://callvs.com/contact");
    }

    @Test
    void unusable_settings_stop_the_start_naming_the_variable() {
        VapidKeys other = VapidKeys.generate();
        String subject = "mailto:ops@callvs.com";
        refused(properties(KEYS.publicKey(), "", subject), "VAPID_PRIVATE_KEY is missing");
        refused(properties("", KEYS.privateKey(), subject), "VAPID_PUBLIC_KEY is missing");
        refused(properties("not base64!", KEYS.privateKey(), subject), "VAPID_PUBLIC_KEY must be base64url");
        refused(properties(KEYS.publicKey().substring(0, 43), KEYS.privateKey(), subject), "VAPID_PUBLIC_KEY must be an uncompressed P-256 point");
        refused(properties("B" + "A".repeat(86), KEYS.privateKey(), subject), "VAPID_PUBLIC_KEY is not a point on the P-256 curve");
        refused(properties(KEYS.publicKey(), KEYS.publicKey(), subject), "VAPID_PRIVATE_KEY must be a 32-byte");
        refused(properties(KEYS.publicKey(), other.privateKey(), subject), "are not one key pair");
        refused(properties(KEYS.publicKey(), KEYS.privateKey(), ""), "VAPID_SUBJECT is required");
        refused(properties(KEYS.publicKey(), KEYS.privateKey(), "ops@callvs.com"), "VAPID_SUBJECT must be a mailto: address or an https: URL");
        refused(properties(KEYS.publicKey(), KEYS.privateKey(), "http://callvs.com"), "VAPID_SUBJECT must be");
    }

    @Test
    void the_vapid_keys_command_prints_a_pair_as_environment_lines_that_the_server_accepts() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CallVaultApplication.main(new String[] {"vapid-keys"});
        } finally {
            System.setOut(original);
        }

        Map<String, String> lines = out.toString(StandardCharsets.UTF_8).lines()
            .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        assertThat(lines.keySet()).containsExactlyInAnyOrder("VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY");
        assertThat(lines.get("VAPID_PUBLIC_KEY")).hasSize(87).matches("[A-Za-z0-9_-]+");
        assertThat(lines.get("VAPID_PRIVATE_KEY")).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(PushSettings.from(properties(lines.get("VAPID_PUBLIC_KEY"), lines.get("VAPID_PRIVATE_KEY"), "mailto:a@b.c")).enabled()).isTrue();
    }

    private static void refused(PushProperties properties, String message) {
        assertThatThrownBy(() -> PushSettings.from(properties)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static PushProperties properties(String publicKey, String privateKey, String subject) {
        return new PushProperties(publicKey, privateKey, subject, false, null, null, null, null, null, null, null, null, null);
    }
}
