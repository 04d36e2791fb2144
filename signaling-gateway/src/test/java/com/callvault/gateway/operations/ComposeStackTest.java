package com.callvault.gateway.operations;

import static com.callvault.gateway.operations.OpsFiles.DEPLOY;
import static com.callvault.gateway.operations.OpsFiles.OPS;
import static com.callvault.gateway.operations.OpsFiles.REPOSITORY;
import static com.callvault.gateway.operations.OpsFiles.list;
import static com.callvault.gateway.operations.OpsFiles.map;
import static com.callvault.gateway.operations.OpsFiles.placeholders;
import static com.callvault.gateway.operations.OpsFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ops/deploy/compose.yaml and the files it mounts, read with a YAML parser ({@code docker compose config} needs a
 * Docker engine): the services, pinned images, ports, the variables the app needs, one TURN secret for app and coturn,
 * Prometheus scraping the app, Grafana provisioned.
 */
class ComposeStackTest {

    /** A version tag with at least major.minor (optionally a leading v and a suffix such as -bookworm), or a digest. */
    static final Pattern PINNED = Pattern.compile("[a-z0-9./_-]+:(v?\\d+\\.\\d+[A-Za-z0-9._-]*)(@sha256:[0-9a-f]{64})?|[a-z0-9./_-]+@sha256:[0-9a-f]{64}");
    static final Pattern TEMPLATE_LINE = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);

    final Map<String, Object> compose = OpsFiles.yaml(DEPLOY.resolve("compose.yaml"));
    final Map<String, Object> services = map(compose.get("services"));
    final String template = read(DEPLOY.resolve(".env.example"));

    @Test
    void the_stack_is_the_app_postgresql_coturn_prometheus_and_grafana() {
        assertThat(services).containsOnlyKeys("app", "postgres", "coturn", "prometheus", "grafana");
        Map<String, Object> build = map(map(services.get("app")).get("build"));
        assertThat(DEPLOY.resolve((String) build.get("context")).normalize()).isEqualTo(REPOSITORY);
        assertThat(DEPLOY.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))).isRegularFile();
    }

    @Test
    void every_image_is_pinned_to_a_version() {
        services.forEach((name, service) -> {
            if (map(service).containsKey("build")) {
                return; // built from this repository (ops/Dockerfile, whose base images are checked below)
            }
            assertThat((String) map(service).get("image")).as("image of " + name).matches(PINNED);
        });
        List<String> bases = read(OPS.resolve("Dockerfile")).lines().filter(line -> line.startsWith("FROM "))
            .map(line -> line.split("\\s+")[1]).toList();
        assertThat(bases).hasSize(3).allSatisfy(image -> assertThat(image).matches(PINNED));
    }

    @Test
    void only_loopback_ports_are_published_and_the_app_port_is_the_one_it_listens_on() {
        assertThat(list(map(services.get("app")).get("ports"))).containsExactly("127.0.0.1:8080:8080");
        assertThat(map(services.get("app")).get("environment")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .doesNotContainKey("PORT"); // the image's default, 8080
        assertThat(read(OPS.resolve("Dockerfile"))).contains("PORT=8080").contains("EXPOSE 8080");
        assertThat(list(map(services.get("prometheus")).get("ports"))).containsExactly("127.0.0.1:9090:9090");
        assertThat(list(map(services.get("grafana")).get("ports"))).containsExactly("127.0.0.1:3000:3000");
        assertThat(map(services.get("postgres"))).doesNotContainKey("ports");
        assertThat(map(services.get("coturn"))).containsEntry("network_mode", "host").doesNotContainKey("ports");
    }

    @Test
    void the_template_lists_every_variable_the_app_reads() {
        Set<String> listed = templateVariables().keySet();

        assertThat(listed).containsAll(OpsFiles.variablesTheAppReads());
        assertThat(listed).contains("AXON_AXONSERVER_ENABLED", "AXON_AXONSERVER_SERVERS", "JAVA_OPTS");
    }

    @Test
    void every_required_variable_reaches_the_app_or_the_service_that_needs_it() {
        Map<String, Boolean> template = templateVariables();
        Set<String> required = template.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
        Map<String, Object> appEnvironment = map(map(services.get("app")).get("environment"));
        String composeText = read(DEPLOY.resolve("compose.yaml"));

        assertThat(required).contains("POSTGRES_PASSWORD", "PUBLIC_URL", "ADMIN_ADDRESSES", "TURN_SECRET", "TURN_URLS", "STUN_URLS",
            "VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT", "TURN_EXTERNAL_IP", "TURN_REALM", "GRAFANA_ADMIN_PASSWORD");
        for (String name : required) {
            if (OpsFiles.variablesTheAppReads().contains(name)) {
                assertThat(appEnvironment).as("the app's environment").containsKey(name);
                assertThat(placeholders(String.valueOf(appEnvironment.get(name)))).as(name).contains(name);
            } else {
                assertThat(placeholders(composeText)).as("compose.yaml uses " + name).contains(name);
            }
        }
        // and what compose insists on (${NAME:?...}) is marked required in the template
        Matcher insisted = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?").matcher(composeText);
        while (insisted.find()) {
            assertThat(required).as("required in .env.example").contains(insisted.group(1));
        }
        // the app gets a database on the stack's PostgreSQL with the stack's password
        assertThat((String) appEnvironment.get("DATABASE_URL")).startsWith("postgresql://callvault:${POSTGRES_PASSWORD")
            .endsWith("@postgres:5432/callvault");
        assertThat(map(map(services.get("postgres")).get("environment"))).containsEntry("POSTGRES_USER", "callvault")
            .containsEntry("POSTGRES_DB", "callvault");
    }

    @Test
    void coturn_and_the_app_take_the_turn_secret_from_one_variable() {
        String appSecret = String.valueOf(map(map(services.get("app")).get("environment")).get("TURN_SECRET"));
        String coturnSecret = list(map(services.get("coturn")).get("command")).stream().map(String::valueOf)
            .filter(argument -> argument.startsWith("--static-auth-secret=")).findFirst().orElseThrow();

        assertThat(placeholders(appSecret)).containsExactly("TURN_SECRET");
        assertThat(placeholders(coturnSecret)).containsExactly("TURN_SECRET");
        assertThat(map(map(services.get("app")).get("environment"))).containsEntry("TURN_MODE", "${TURN_MODE:-rest}");
        assertThat(list(map(services.get("coturn")).get("command"))).anySatisfy(argument -> assertThat(argument).asString()
            .startsWith("--external-ip=${TURN_EXTERNAL_IP"));
        String conf = read(DEPLOY.resolve("coturn/turnserver.conf"));
        assertThat(conf.lines().map(String::strip).toList()).contains("use-auth-secret", "no-cli", "fingerprint", "no-multicast-peers",
            "min-port=49152", "max-port=65535", "denied-peer-ip=10.0.0.0-10.255.255.255", "denied-peer-ip=172.16.0.0-172.31.255.255",
            "denied-peer-ip=192.168.0.0-192.168.255.255", "denied-peer-ip=127.0.0.0-127.255.255.255",
            "denied-peer-ip=169.254.0.0-169.254.255.255", "denied-peer-ip=100.64.0.0-100.127.255.255",
            "denied-peer-ip=fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        assertThat(conf).doesNotContain("static-auth-secret=").doesNotContain("\nuser=");
    }

    @Test
    void prometheus_scrapes_the_apps_metrics_endpoint() {
        Map<String, Object> job = map(list(OpsFiles.yaml(DEPLOY.resolve("prometheus/prometheus.yml")).get("scrape_configs")).getFirst());

        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(list(map(list(job.get("static_configs")).getFirst()).get("targets"))).containsExactly("app:8080");
        assertThat(list(map(services.get("prometheus")).get("volumes"))).contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void grafana_is_provisioned_with_the_prometheus_datasource_and_the_dashboards() {
        Map<String, Object> datasource = map(list(OpsFiles.yaml(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml"))
            .get("datasources")).getFirst());
        Map<String, Object> provider = map(list(OpsFiles.yaml(DEPLOY.resolve("grafana/provisioning/dashboards/callvault.yaml"))
            .get("providers")).getFirst());

        assertThat(datasource).containsEntry("uid", "prometheus").containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(map(provider.get("options"))).containsEntry("path", "/var/lib/grafana/dashboards");
        assertThat(list(map(services.get("grafana")).get("volumes"))).contains("./grafana/provisioning:/etc/grafana/provisioning:ro",
            "./grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(Files.isDirectory(DEPLOY.resolve("grafana/dashboards"))).isTrue();
    }

    @Test
    void the_image_runs_as_a_user_with_a_health_check_and_the_recommended_jvm_flags() {
        String dockerfile = read(OPS.resolve("Dockerfile"));
        List<String> users = dockerfile.lines().filter(line -> line.startsWith("USER ")).toList();

        assertThat(users).hasSize(1).allSatisfy(user -> assertThat(user).doesNotContain("root").doesNotContain(" 0"));
        assertThat(dockerfile).contains("HEALTHCHECK ").contains("ENTRYPOINT [\"/app/entrypoint.sh\"]").contains("COPY ops/lib/jvm.sh /app/jvm.sh");
        assertThat(read(OPS.resolve("docker/entrypoint.sh"))).contains(". \"$app_dir/jvm.sh\"").contains("$CALLVAULT_JVM_FLAGS ${JAVA_OPTS:-}");
        assertThat(read(REPOSITORY.resolve(".dockerignore")).lines().toList()).contains("**/target", "**/node_modules", ".git");
    }

    /** The template's variables, each with whether it is marked required (a "# required" comment line right above). */
    private Map<String, Boolean> templateVariables() {
        Map<String, Boolean> variables = new LinkedHashMap<>();
        List<String> lines = template.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = TEMPLATE_LINE.matcher(lines.get(i));
            if (line.find()) {
                boolean required = i > 0 && lines.get(i - 1).startsWith("# required") && !lines.get(i).startsWith("#");
                variables.merge(line.group(1), required, Boolean::logicalOr);
            }
        }
        return variables;
    }
}
