package com.callvault.gateway.database;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Vacuums the tables whose rows come and go with every call: {@code live_call} (a row per live call, updated at each
 * step and deleted when it ends), {@code scheduled_tasks} (a ring and a connect timeout scheduled and cancelled per
 * call) and {@code token_entry} (every event processor's position, updated at every batch). Each keeps a few dozen
 * live rows but leaves thousands of dead ones a minute under load, and every lookup walks them: the busy/glare check
 * of each invite read {@code live_call} in 0.1 ms on a fresh table and 0.7–1.1 ms a minute into a run. PostgreSQL's
 * autovacuum looks at a database at most once a minute ({@code autovacuum_naptime}), or never where it is off, so the
 * application vacuums these three itself every {@code HOT_TABLES_VACUUM_INTERVAL} (10 s): a few milliseconds of
 * database time, and no lock that holds up a command ({@code VACUUM} without {@code FULL}; {@code SKIP_LOCKED} skips a
 * table another instance is vacuuming; {@code TRUNCATE false}: giving the empty pages at a table's end back to the
 * file system takes an exclusive lock, which VACUUM tries for up to 5 s on a table this busy, and which blocks every
 * command that touches the table once it has it — for tables that refill within seconds).
 */
@Component
class HotTablesVacuum {

    static final String SQL = "VACUUM (SKIP_LOCKED, TRUNCATE false) live_call, scheduled_tasks, token_entry";
    private static final Logger log = LoggerFactory.getLogger(HotTablesVacuum.class);

    private final JdbcTemplate jdbc;
    private final AtomicBoolean warned = new AtomicBoolean();

    HotTablesVacuum(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${HOT_TABLES_VACUUM_INTERVAL:10s}", initialDelayString = "${HOT_TABLES_VACUUM_INTERVAL:10s}")
    void vacuum() {
        try {
            jdbc.execute(SQL);
            warned.set(false);
        } catch (DataAccessException e) {
            if (warned.compareAndSet(false, true)) {
                log.warn("Could not vacuum live_call, scheduled_tasks and token_entry ({}); lookups in them slow down until "
                    + "autovacuum gets to them", e.getMostSpecificCause().getMessage());
            }
        }
    }
}
