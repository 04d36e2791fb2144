package com.callvault.gateway.diagnostics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * {@code push-subscriptions}: how many devices can be reached by Web Push, how many are failing, and, in a running
 * server, what became of the pushes tried since it started ({@code callvault_push_sent_total} by outcome). Push
 * services refusing pushes ({@code rejected}) points at the VAPID settings; subscriptions with push off reach nobody.
 */
final class PushSubscriptionsCheck implements DiagnosticCheck {

    private final DiagnosticsDatabase database;
    private final boolean pushConfigured;
    private final Supplier<MeterRegistry> registry;

    PushSubscriptionsCheck(DiagnosticsDatabase database, boolean pushConfigured, Supplier<MeterRegistry> registry) {
        this.database = database;
        this.pushConfigured = pushConfigured;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "push-subscriptions";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        if (!database.present()) {
            return Mono.just(DiagnosticsDatabase.absent());
        }
        return database.query(jdbc -> !DiagnosticsDatabase.hasTable(jdbc, "push_subscription") ? null : jdbc.queryForMap("""
            SELECT count(*) AS subscriptions,
                   count(DISTINCT lower(address)) AS people,
                   count(*) FILTER (WHERE failures > 0) AS failing,
                   count(*) FILTER (WHERE last_failure_at > now() - interval '24 hours') AS failed_last_day,
                   count(*) FILTER (WHERE last_success_at > now() - interval '24 hours') AS delivered_last_day,
                   count(*) FILTER (WHERE expires_at < now()) AS expired
            FROM push_subscription""")).map(this::result)
            .defaultIfEmpty(CheckResult.warn(DiagnosticsDatabase.NO_SCHEMA, Map.of()));
    }

    private CheckResult result(Map<String, Object> row) {
        long subscriptions = number(row.get("subscriptions"));
        long failing = number(row.get("failing"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscriptions", subscriptions);
        details.put("people", number(row.get("people")));
        details.put("failing", failing);
        details.put("failedInLast24h", number(row.get("failed_last_day")));
        details.put("deliveredInLast24h", number(row.get("delivered_last_day")));
        details.put("expired", number(row.get("expired")));
        Map<String, Long> outcomes = outcomesSinceStart();
        if (outcomes != null) {
            details.put("pushesSinceStart", outcomes);
        }
        String counted = subscriptions + " subscription(s) of " + details.get("people") + " people, " + failing + " failing";
        if (!pushConfigured) {
            return subscriptions > 0
                ? CheckResult.warn(counted + ", but push is off (no VAPID keys): they receive nothing", details)
                : CheckResult.ok("Push is off and nobody is subscribed", details);
        }
        long rejected = outcomes == null ? 0 : outcomes.getOrDefault("rejected", 0L);
        if (rejected > 0) {
            return CheckResult.warn(counted + "; push services refused " + rejected + " push(es) since the start (another 4xx than "
                + "404/410: check VAPID_SUBJECT and the keys)", details);
        }
        if (subscriptions > 0 && failing * 10 > subscriptions) {
            return CheckResult.warn(counted + ": more than one in ten fail; see callvault_push_sent_total by outcome", details);
        }
        return CheckResult.ok(counted, details);
    }

    /** Pushes tried since this server started, by outcome; null without a meter registry (the command line). */
    private Map<String, Long> outcomesSinceStart() {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return null;
        }
        Map<String, Long> outcomes = new TreeMap<>();
        for (Counter counter : meters.find("callvault.push.sent").counters()) {
            String outcome = counter.getId().getTag("outcome");
            outcomes.merge(outcome == null ? "unknown" : outcome, (long) counter.count(), Long::sum);
        }
        return outcomes;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
