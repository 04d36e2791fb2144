package com.callvault.gateway.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** GET /api/admin/diagnostics on the default configuration: embedded-style settings, no TURN, no push, no proxy. */
class DiagnosticsTest extends GatewayIntegrationTest {

    static final List<String> CHECKS = List.of("database", "event-processors", "turn", "stun", "vapid", "public-url", "proxy", "clock",
        "push-subscriptions", "uploads");

    @Test
    void an_admin_gets_one_report_with_every_check_and_a_verdict() throws IOException {
        String admin = signIn(ADMIN);

        Map<String, Object> report = report(admin);

        assertThat(report.get("verdict")).isEqualTo("warn");
        assertThat(report.get("generatedAt")).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(checks(report).stream().map(c -> c.get("name")).toList()).isEqualTo(CHECKS);
        Map<String, Object> database = check(report, "database");
        assertThat(database.get("status")).isEqualTo("ok");
        assertThat(details(database).get("schemaVersion")).isEqualTo(newestMigrationOnTheClasspath());
        assertThat(details(database).get("pending")).isEqualTo(0);
        assertThat(check(report, "turn").get("summary")).asString().startsWith("No TURN server (TURN_MODE=none)");
        assertThat(check(report, "turn").get("status")).isEqualTo("warn");
        assertThat(check(report, "vapid").get("status")).isEqualTo("warn");
        assertThat(check(report, "vapid").get("summary")).asString().contains("Web Push is off");
        assertThat(check(report, "public-url").get("status")).isEqualTo("warn");
        assertThat(details(check(report, "public-url")).get("webSocketUrl")).isEqualTo("ws://localhost:8080/ws");
        assertThat(check(report, "clock").get("status")).isEqualTo("ok");
        assertThat(check(report, "uploads").get("status")).isEqualTo("ok");
        // the test database is shared: subscriptions other tests left behind make this a warning (push is off here)
        assertThat(check(report, "push-subscriptions").get("status")).isIn("ok", "warn");
        assertThat(checks(report)).allSatisfy(check -> assertThat(check.get("tookMillis")).isInstanceOf(Number.class));
    }

    @Test
    void every_event_processor_of_the_instance_is_running_with_its_lag() {
        Map<String, Object> processors = check(report(signIn(ADMIN)), "event-processors");

        // other test contexts on the same database may hold segments, and be behind for a moment: not failed is what counts
        assertThat(processors.get("status")).isIn("ok", "warn");
        Map<String, Object> byName = object(details(processors).get("processors"));
        assertThat(byName).containsKeys("user-directory", "conversation-read-models", "call-facts", "push-notifications");
        Map<String, Object> timeline = object(byName.get("conversation-read-models"));
        assertThat(timeline).containsEntry("type", "tracking").containsEntry("running", true).containsEntry("error", false);
        assertThat(timeline.get("lagEvents")).isInstanceOf(Number.class);
    }

    @Test
    void forwarded_headers_are_ignored_and_named_when_the_proxy_is_not_trusted() {
        Map<?, ?> report = http.get().uri("/api/admin/diagnostics").header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn(ADMIN))
            .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "callvs.com").exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        Map<String, Object> proxy = check(object(report), "proxy");
        assertThat(proxy.get("status")).isEqualTo("warn");
        assertThat(proxy.get("summary")).asString().contains("TRUST_PROXY=false").contains("x-forwarded-proto");
        assertThat(details(proxy).get("appSeesRequestsAs")).isEqualTo("http://localhost:" + port);
    }

    @Test
    void without_a_proxy_the_request_is_seen_as_it_came() {
        Map<String, Object> proxy = check(report(signIn(ADMIN)), "proxy");

        assertThat(proxy.get("status")).isEqualTo("ok");
        assertThat(proxy.get("summary")).asString().contains("directly as http://localhost:" + port);
    }

    @Test
    void someone_who_is_not_an_admin_gets_403_problem_details() {
        String token = signIn(TestWallet.random());

        http.get().uri("/api/admin/diagnostics").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.code").isEqualTo("forbidden").jsonPath("$.checks").doesNotExist();
        http.get().uri("/api/admin/diagnostics").exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.code").isEqualTo("not-signed-in");
    }

    private Map<String, Object> report(String token) {
        Map<?, ?> body = http.get().uri("/api/admin/diagnostics").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody(Map.class).returnResult().getResponseBody();
        return object(body);
    }

    /** The version of the newest V*.sql on the classpath, as Flyway prints it (20261124.70). */
    static String newestMigrationOnTheClasspath() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql");
        return Arrays.stream(migrations).map(Resource::getFilename)
            .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
            .max(DiagnosticsTest::compareVersions).orElseThrow();
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long left = i < x.length ? Long.parseLong(x[i]) : 0;
            long right = i < y.length ? Long.parseLong(y[i]) : 0;
            if (left != right) {
                return Long.compare(left, right);
            }
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> checks(Map<?, ?> report) {
        return (List<Map<String, Object>>) report.get("checks");
    }

    static Map<String, Object> check(Map<?, ?> report, String name) {
        return checks(report).stream().filter(c -> name.equals(c.get("name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    static Map<String, Object> details(Map<String, Object> check) {
        return object(check.get("details"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }
}
