package com.callvault.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application vacuums the tables that churn with every call, whatever PostgreSQL's autovacuum does. */
class HotTablesVacuumTest extends GatewayIntegrationTest {

    @Autowired
    HotTablesVacuum vacuum;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void live_calls_scheduled_tasks_and_tokens_are_vacuumed() {
        for (int i = 0; i < 200; i++) {
            String id = "call:" + UUID.randomUUID();
            jdbc.update("""
                INSERT INTO live_call (call_id, caller, callee, caller_key, callee_key, media, state, invited_at, rings_until)
                VALUES (?, '0xA', '0xB', '0xa', '0xb', 'audio', 'invited', now(), now())""", id);
            jdbc.update("DELETE FROM live_call WHERE call_id = ?", id);
        }
        long[] before = {vacuums("live_call"), vacuums("scheduled_tasks"), vacuums("token_entry")};

        vacuum.vacuum();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(vacuums("live_call")).isGreaterThan(before[0]);
            assertThat(vacuums("scheduled_tasks")).isGreaterThan(before[1]);
            assertThat(vacuums("token_entry")).isGreaterThan(before[2]);
        });
    }

    private long vacuums(String table) {
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        return jdbc.queryForObject("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = ?", Long.class, table);
    }
}
