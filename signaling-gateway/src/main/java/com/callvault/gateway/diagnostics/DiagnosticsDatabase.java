package com.callvault.gateway.diagnostics;

import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The database as the checks reach it: plain JDBC on the bounded elastic scheduler (never an event loop), every
 * statement limited to {@link #QUERY_TIMEOUT_SECONDS}. Absent when the command line runs without {@code DATABASE_URL}
 * (the embedded database lives only inside a running server).
 */
final class DiagnosticsDatabase {

    static final int QUERY_TIMEOUT_SECONDS = 3;
    static final String ABSENT = "DATABASE_URL is not set: the server starts its own embedded database, which only a running "
        + "server can reach (ask it: GET /api/admin/diagnostics)";

    private final JdbcTemplate jdbc;

    DiagnosticsDatabase(DataSource dataSource) {
        if (dataSource == null) {
            this.jdbc = null;
        } else {
            this.jdbc = new JdbcTemplate(dataSource);
            this.jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        }
    }

    boolean present() {
        return jdbc != null;
    }

    <T> Mono<T> query(Function<JdbcTemplate, T> work) {
        return Mono.fromCallable(() -> work.apply(jdbc)).subscribeOn(Schedulers.boundedElastic());
    }

    static final String NO_SCHEMA = "The database has no CallVault schema yet: no server has started against it (the server "
        + "creates the tables when it starts)";

    /** Whether the table exists in the schema the app uses (an unmigrated database has none). */
    static boolean hasTable(JdbcTemplate jdbc, String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
    }

    /** The result when there is no database to ask. */
    static CheckResult absent() {
        return CheckResult.warn(ABSENT, Map.of());
    }
}
