package com.callvault.model.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append lost a race: PostgreSQL reports a unique violation (SQLSTATE 23505) on
 * (aggregate_identifier, sequence_number), often wrapped in a batch exception whose next exception carries
 * it. Axon then raises a {@code ConcurrencyException}, which {@link RetryOnConflict} retries.
 */
final class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
