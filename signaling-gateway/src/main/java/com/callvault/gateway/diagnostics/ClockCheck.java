package com.callvault.gateway.diagnostics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code clock}: the server's time and how far the database's clock is from it. TURN credentials carry an expiry that
 * coturn checks against its own clock, sign-in messages are accepted within 60 s of skew, sessions and push
 * subscriptions expire by database time: clocks must agree (NTP on every host).
 */
final class ClockCheck implements DiagnosticCheck {

    static final Duration WARN_SKEW = Duration.ofSeconds(2);
    static final Duration FAIL_SKEW = Duration.ofSeconds(60);

    private final DiagnosticsDatabase database;
    private final Clock clock;

    ClockCheck(DiagnosticsDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "clock";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        Instant server = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("serverTime", server.toString());
        details.put("serverZone", java.time.ZoneId.systemDefault().getId());
        if (!database.present()) {
            return Mono.just(CheckResult.warn("Server time " + server + "; the database's clock is not compared: "
                + DiagnosticsDatabase.ABSENT, details));
        }
        return database.query(jdbc -> {
            jdbc.queryForObject("SELECT 1", Integer.class); // a connection in hand: its set-up is not part of the measurement
            Instant before = clock.instant();
            Instant db = jdbc.queryForObject("SELECT clock_timestamp()", java.sql.Timestamp.class).toInstant();
            Instant after = clock.instant();
            Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
            return Duration.between(middle, db);
        }).map(skew -> {
            details.put("databaseMinusServerMillis", skew.toMillis());
            String said = "Server time " + server + "; the database's clock is " + Math.abs(skew.toMillis()) + " ms "
                + (skew.isNegative() ? "behind" : "ahead");
            Duration size = skew.abs();
            if (size.compareTo(FAIL_SKEW) > 0) {
                return CheckResult.fail(said + ": more than sign-in tolerates (60 s); sync both hosts with NTP", details);
            }
            if (size.compareTo(WARN_SKEW) > 0) {
                return CheckResult.warn(said + ": sync both hosts with NTP (TURN credentials and sessions expire by the clock)", details);
            }
            return CheckResult.ok(said, details);
        });
    }
}
