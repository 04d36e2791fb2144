package com.callvault.projection.messaging;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A projector's writes for the batch of events its processor handles in one transaction, run just before
 * that transaction commits: each statement once, as one JDBC batch (one round trip for all its rows), in the
 * order the projector declares. A statement per event would cost a round trip per event, which is what
 * limits a projection's throughput.
 *
 * <p>Running writes grouped by statement instead of in event order is safe only because every statement is
 * idempotent and checks its own guard (a position or sequence on the row it changes), and because the
 * declared order puts each statement after those it depends on (a message is inserted before it is edited).
 * The projectors say why their order is safe. A failure fails the commit: the processor retries the batch,
 * nothing is skipped.
 */
final class BatchedWrites {

    private final NamedParameterJdbcTemplate jdbc;
    private final String resourceKey;
    private final List<String> statements;

    /** @param statementsInOrder every statement the projector writes with, in the order they run */
    BatchedWrites(JdbcTemplate jdbc, String name, List<String> statementsInOrder) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.resourceKey = BatchedWrites.class.getName() + "/" + name;
        this.statements = List.copyOf(statementsInOrder);
    }

    /** One event's write. */
    void add(String statement, SqlParameterSource params) {
        put(statement, new Object(), params);
    }

    /** A write of which only the last one added under {@code key} is run (a conversation's latest position, say). */
    void replace(String statement, String key, SqlParameterSource params) {
        put(statement, key, params);
    }

    private void put(String statement, Object key, SqlParameterSource params) {
        if (!statements.contains(statement)) {
            throw new IllegalArgumentException("not a declared statement: " + statement);
        }
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(statement, params); // outside a processor (a direct call): nothing to batch with
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Map<Object, SqlParameterSource>> pending = batch.getOrComputeResource(resourceKey, k -> {
            Map<String, Map<Object, SqlParameterSource>> writes = new HashMap<>();
            batch.onPrepareCommit(u -> flush(writes));
            return writes;
        });
        pending.computeIfAbsent(statement, s -> new LinkedHashMap<>()).put(key, params);
    }

    private void flush(Map<String, Map<Object, SqlParameterSource>> pending) {
        for (String statement : statements) {
            Map<Object, SqlParameterSource> rows = pending.get(statement);
            if (rows != null) {
                jdbc.batchUpdate(statement, rows.values().toArray(SqlParameterSource[]::new));
            }
        }
    }
}
