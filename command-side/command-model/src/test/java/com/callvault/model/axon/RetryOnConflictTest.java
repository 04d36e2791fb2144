package com.callvault.model.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.ErrorCode;
import com.callvault.api.RuleViolation;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryOnConflictTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final RetryOnConflict retry = new RetryOnConflict(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private boolean retries(RuntimeException failure, int failuresSoFar) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < failuresSoFar; i++) {
            failures.add(new Class[] {failure.getClass()});
        }
        return retry.scheduleRetry(GenericCommandMessage.asCommandMessage("command"), failure, failures, () -> { });
    }

    @Test
    void a_lost_append_race_is_retried_a_few_times() {
        ConcurrencyException conflict = new ConcurrencyException("sequence 2 was already inserted");
        assertThat(retries(conflict, 1)).isTrue();
        assertThat(retries(new RuntimeException("wrapped", conflict), 2)).isTrue();
        assertThat(retries(conflict, RetryOnConflict.MAX_RETRIES + 1)).isFalse();
    }

    @Test
    void a_refused_command_or_any_other_failure_is_not_retried() {
        RuleViolation violation = new RuleViolation(ErrorCode.NOT_A_MEMBER, "no");
        assertThat(retries(new CommandExecutionException("no", null, violation), 1)).isFalse();
        assertThat(retries(new IllegalStateException("broken"), 1)).isFalse();
    }

    @Test
    void a_unique_violation_is_recognised_even_inside_a_batch_exception() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 failed", "23505", 0, new int[0]);
        SQLException wrapper = new SQLException("batch failed");
        wrapper.setNextException(new SQLException("duplicate key", "23505"));
        PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(wrapper)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("deadlock", "40P01"))).isFalse();
    }
}
