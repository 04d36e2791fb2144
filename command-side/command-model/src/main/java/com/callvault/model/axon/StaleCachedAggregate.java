package com.callvault.model.axon;

import java.util.Objects;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A cached aggregate decided on an old version: another instance appended since this one cached it. A decision
 * that appends is safe by itself (the append fails on the unique aggregate/sequence key); this covers the decisions
 * that append nothing, a refusal or "nothing to do", which would otherwise be answered from the old state. Thrown as
 * a {@link ConcurrencyException}: the unit of work rolls back, which drops the cache entry, and the command gateway
 * ({@link RetryOnConflict}) or the deadline task retries on a fresh load.
 */
public final class StaleCachedAggregate extends ConcurrencyException {

    private StaleCachedAggregate(String aggregateId, long decidedOn, long stored) {
        super("Aggregate " + aggregateId + " was decided on version " + decidedOn + " but the store holds " + stored);
    }

    /**
     * Handles a command in an aggregate's {@code @CommandHandlerInterceptor}: a refusal or a result that appended
     * nothing is checked against the store before it is answered.
     */
    public static Object proceed(InterceptorChain chain, EventStore events, Supplier<String> aggregateId) throws Exception {
        Long before = AggregateLifecycle.getVersion();
        Object result;
        try {
            result = chain.proceed();
        } catch (RuntimeException refused) {
            check(events, aggregateId.get(), before);
            throw refused;
        }
        if (Objects.equals(before, AggregateLifecycle.getVersion())) {
            check(events, aggregateId.get(), before);
        }
        return result;
    }

    /**
     * Checks a decision that appended nothing: {@code decidedOn} is the version the aggregate had (null for one
     * just created, which cannot be stale).
     */
    public static void check(EventStore events, String aggregateId, Long decidedOn) {
        if (aggregateId == null || decidedOn == null) {
            return;
        }
        long stored = events.lastSequenceNumberFor(aggregateId).orElse(-1L);
        if (stored != decidedOn) {
            throw new StaleCachedAggregate(aggregateId, decidedOn, stored);
        }
    }
}
