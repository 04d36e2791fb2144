package com.callvault.model.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command whose events lost a race for the same aggregate sequence number: another instance (or
 * thread) appended first, and this instance's cached copy was stale. The cache entry is dropped on that
 * rollback, so the retry loads the aggregate afresh and decides again. Nothing else is retried: a refused
 * command is an answer, not a failure.
 */
final class RetryOnConflict implements RetryScheduler {

    static final int MAX_RETRIES = 4;

    private final ScheduledExecutorService executor;

    RetryOnConflict(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConflict(lastFailure) || failures.size() > MAX_RETRIES) {
            return false;
        }
        // a little jitter so two instances that collided do not collide again
        long delayMillis = ThreadLocalRandom.current().nextLong(1, 5L << failures.size());
        executor.schedule(commandDispatch, delayMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
