package com.callvault.gateway.operations;

import static com.callvault.gateway.operations.OpsFiles.DEPLOY;
import static com.callvault.gateway.operations.OpsFiles.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.ProductionLikeIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard against what a running app exports at /actuator/prometheus (the way Prometheus scrapes it,
 * without a session), and the image's health check script against a running app.
 */
class DashboardAndImageTest extends ProductionLikeIntegrationTest {

    static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    static final Pattern APP_METRIC = Pattern.compile("\\b((?:callvault|eventProcessor|commandBus|eventStore|http_server|hikaricp|jvm)_[A-Za-z0-9_]+)");
    static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? ", Pattern.MULTILINE);
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void every_dashboard_query_names_metrics_and_label_values_the_app_exports() throws IOException {
        sendAMessage(); // the per-event-type meters appear with the first event of a type
        String scraped = http.get().uri("/actuator/prometheus").exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Map<String, List<Map<String, String>>> series = series(scraped);

        JsonNode dashboard = JsonMapper.builder().build().readTree(OpsFiles.read(DEPLOY.resolve("grafana/dashboards/callvault.json")));
        List<String> expressions = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            titles.add(panel.get("title").asString());
            if (panel.has("targets")) {
                assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("prometheus");
                panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString()));
            }
        }

        assertThat(String.join(" | ", titles).toLowerCase()).contains("success rate", "setup time", "relay share", "end reasons",
            "messages", "push");
        assertThat(expressions).hasSizeGreaterThan(10);
        for (String expression : expressions) {
            Matcher names = APP_METRIC.matcher(expression);
            while (names.find()) {
                assertThat(series).as("metric %s in %s", names.group(1), expression).containsKey(names.group(1));
            }
            Matcher selectors = SELECTOR.matcher(expression);
            while (selectors.find()) {
                String metric = selectors.group(1);
                Matcher matchers = MATCHER.matcher(selectors.group(2));
                while (matchers.find()) {
                    assertLabel(series, metric, matchers.group(1), matchers.group(2), matchers.group(3), expression);
                }
            }
        }
    }

    /**
     * The label exists on the metric; an exact value is one the app uses. Axon registers a processor's per-event-type
     * meters only on the instance that processes that type (another test context may hold the segment), so for
     * {@code eventProcessor_*} the value may come from any meter of the family, e.g. the latency gauge every processor has.
     */
    private static void assertLabel(Map<String, List<Map<String, String>>> series, String metric, String label, String operator,
                                    String value, String expression) {
        assertThat(series.get(metric)).as("%s in %s", metric, expression)
            .anySatisfy(labels -> assertThat(labels).containsKey(label));
        if (!operator.equals("=")) {
            return;
        }
        List<Map<String, String>> candidates = metric.startsWith("eventProcessor_")
            ? series.entrySet().stream().filter(e -> e.getKey().startsWith("eventProcessor_")).flatMap(e -> e.getValue().stream()).toList()
            : series.get(metric);
        assertThat(candidates).as("%s{%s=\"%s\"} in %s", metric, label, value, expression)
            .anySatisfy(labels -> assertThat(labels).containsEntry(label, value));
    }

    @Test
    void the_health_check_script_says_up_for_a_running_app_and_down_for_none() throws Exception {
        assertThat(healthCheck(port)).isZero();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(healthCheck(closed)).isEqualTo(1);
    }

    private static int healthCheck(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", OPS.resolve("docker/healthcheck.sh").toString());
        builder.environment().put("PORT", String.valueOf(port));
        Process check = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(check.waitFor(15, TimeUnit.SECONDS)).as("the health check ends by itself").isTrue();
        return check.exitValue();
    }

    private void sendAMessage() {
        TestWallet alice = TestWallet.random();
        TestWallet bob = TestWallet.random();
        String token = signIn(alice);
        signIn(bob);
        Map<?, ?> conversation = http.post().uri("/api/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("peer", bob.address())).exchange()
            .expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        http.put().uri("/api/conversations/" + conversation.get("conversationId") + "/messages/dashboard-1")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("body", "hello")).exchange().expectStatus().isCreated();
    }

    /** Prometheus text: metric name to the label sets of its series. */
    static Map<String, List<Map<String, String>>> series(String text) {
        Map<String, List<Map<String, String>>> series = new HashMap<>();
        Matcher line = SERIES.matcher(text);
        while (line.find()) {
            Map<String, String> labels = new HashMap<>();
            if (line.group(2) != null) {
                Matcher label = LABEL.matcher(line.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.computeIfAbsent(line.group(1), name -> new ArrayList<>()).add(labels);
        }
        return series;
    }
}
