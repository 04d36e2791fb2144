package com.callvault.gateway.diagnostics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import reactor.core.publisher.Mono;

/**
 * {@code database}: PostgreSQL answers, which version it is, and the schema's Flyway version: the last migration
 * applied, how many the app has that the database does not (pending: applied at the next start), failed ones, and
 * migrations the database has that this app does not know (a newer app ran against it).
 */
final class DatabaseCheck implements DiagnosticCheck {

    private final DiagnosticsDatabase database;
    private final Supplier<Flyway> flyway;

    DatabaseCheck(DiagnosticsDatabase database, Supplier<Flyway> flyway) {
        this.database = database;
        this.flyway = flyway;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        if (!database.present()) {
            return Mono.just(DiagnosticsDatabase.absent());
        }
        return database.query(jdbc -> {
            long started = System.nanoTime();
            String version = jdbc.queryForObject("SELECT current_setting('server_version')", String.class);
            long roundTrip = (System.nanoTime() - started) / 1_000_000;
            MigrationInfoService info = flyway.get().info();
            return result(version, roundTrip, info);
        });
    }

    private static CheckResult result(String serverVersion, long roundTripMillis, MigrationInfoService info) {
        MigrationInfo current = info.current();
        int pending = info.pending().length;
        long failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
        long future = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS).count();
        String schema = current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("postgresql", serverVersion);
        details.put("roundTripMillis", roundTripMillis);
        details.put("schemaVersion", schema);
        details.put("schemaDescription", current == null ? "" : current.getDescription());
        details.put("applied", info.applied().length);
        details.put("pending", pending);
        details.put("failed", failed);
        details.put("unknownToThisApp", future);
        String reached = "PostgreSQL " + serverVersion + " answers (" + roundTripMillis + " ms); schema version " + schema;
        if (failed > 0) {
            return CheckResult.fail(reached + ", but " + failed + " migration(s) failed: see flyway_schema_history and the start-up log",
                details);
        }
        if (pending > 0) {
            return CheckResult.warn(reached + ", " + pending + " migration(s) pending: the server applies them when it starts", details);
        }
        if (future > 0) {
            return CheckResult.warn(reached + ", and " + future + " migration(s) this app does not know: a newer version ran against "
                + "this database", details);
        }
        return CheckResult.ok(reached + ", " + info.applied().length + " migrations applied, none pending", details);
    }
}
