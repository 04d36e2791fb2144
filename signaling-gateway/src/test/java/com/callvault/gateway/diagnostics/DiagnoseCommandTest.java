package com.callvault.gateway.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.push.VapidKeys;
import com.callvault.gateway.testing.PostgresForTests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar callvault.jar diagnose}, run in this JVM as the main class runs it: settings from arguments (as
 * they would come from the environment), the test PostgreSQL as DATABASE_URL, no server started.
 */
class DiagnoseCommandTest {

    static final VapidKeys VAPID = VapidKeys.generate();

    @TempDir
    Path temp;

    record Run(int exitCode, String output) {
    }

    @Test
    void a_sound_configuration_prints_every_check_but_the_request_ones_and_exits_0() {
        Run run = diagnose(configuration());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("CallVault diagnostics at ")
            .containsPattern("(?m)^  (ok|warn) +database +PostgreSQL 15")
            .containsPattern("(?m)^  (ok|warn) +event-processors ")
            .containsPattern("(?m)^  ok +turn +TURN_MODE=rest: 2 TURN URI\\(s\\) \\(tcp, udp\\)")
            .containsPattern("(?m)^  ok +vapid ")
            .containsPattern("(?m)^  ok +public-url +PUBLIC_URL is https://callvs.com: browsers open wss://callvs.com/ws")
            .containsPattern("(?m)^  ok +uploads ")
            .doesNotContain(" proxy ");
    }

    @Test
    void a_vapid_public_key_of_another_pair_fails_and_exits_1() {
        Map<String, String> settings = configuration();
        settings.put("VAPID_PUBLIC_KEY", VapidKeys.generate().publicKey());

        Run run = diagnose(settings);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains(": FAIL").containsPattern("(?m)^  fail +vapid +Web Push keys are unusable: .*not one key pair")
            .doesNotContain(VAPID.privateKey());
    }

    @Test
    void an_uploads_directory_that_cannot_be_created_fails() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        Map<String, String> settings = configuration();
        settings.put("UPLOADS_DIR", file.resolve("uploads").toString());

        Run run = diagnose(settings);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).containsPattern("(?m)^  fail +uploads +UPLOADS_DIR .* cannot be created");
    }

    @Test
    void an_unreachable_database_fails_within_the_time_limit_without_showing_its_password() {
        Map<String, String> settings = configuration();
        settings.put("DATABASE_URL", "postgresql://callvault:pa55-w0rd-secret@127.0.0.1:1/callvault");

        Run run = diagnose(settings);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).containsPattern("(?m)^  fail +database ").doesNotContain("pa55-w0rd-secret");
    }

    @Test
    void json_output_is_the_report_the_http_api_gives() {
        Run run = diagnose(configuration(), "--json");

        Map<?, ?> report = JsonMapper.builder().build().readValue(run.output(), Map.class);
        assertThat(report.get("verdict")).isIn("ok", "warn");
        assertThat(DiagnosticsTest.checks(report)).extracting(check -> check.get("name"))
            .containsExactly("database", "event-processors", "turn", "stun", "vapid", "public-url", "clock", "push-subscriptions", "uploads");
    }

    @Test
    void settings_that_cannot_be_read_exit_2() {
        Map<String, String> settings = configuration();
        settings.put("ATTACHMENT_MAX_BYTES", "lots");

        Run run = diagnose(settings);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).startsWith("diagnose: the settings cannot be read");
    }

    /** A deployment's settings as {@code --NAME=value} arguments; a test replaces one by putting it again. */
    private Map<String, String> configuration() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DATABASE_URL", PostgresForTests.databaseUrl());
        settings.put("PUBLIC_URL", "https://callvs.com");
        settings.put("TRUST_PROXY", "true");
        settings.put("TURN_SECRET", "a-secret-of-the-turn-server");
        settings.put("TURN_URLS", "turn:callvs.com:3478?transport=udp,turn:callvs.com:3478?transport=tcp");
        settings.put("STUN_URLS", "stun:callvs.com:3478");
        settings.put("VAPID_PUBLIC_KEY", VAPID.publicKey());
        settings.put("VAPID_PRIVATE_KEY", VAPID.privateKey());
        settings.put("VAPID_SUBJECT", "mailto:ops@callvs.com");
        settings.put("UPLOADS_DIR", temp.resolve("uploads").toString());
        return settings;
    }

    private static Run diagnose(Map<String, String> settings, String... options) {
        List<String> arguments = new ArrayList<>(List.of("diagnose"));
        arguments.addAll(List.of(options));
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = DiagnoseCommand.run(arguments.toArray(String[]::new), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8));
    }
}
