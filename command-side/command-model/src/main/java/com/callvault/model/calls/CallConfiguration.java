package com.callvault.model.calls;

import com.callvault.model.axon.BoundedCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Calls are cached between commands, at most {@code CALL_CACHE_SIZE} (default {@value #CACHE_SIZE}) on an instance,
 * the least recently used dropped first (see {@link Call} for how a stale copy is caught), and snapshotted every
 * {@value #SNAPSHOT_EVERY} events, so a long call with many quality samples loads as fast as a new one.
 */
@Configuration(proxyBeanMethods = false)
class CallConfiguration {

    static final int SNAPSHOT_EVERY = 100;
    static final int CACHE_SIZE = 10_000;

    @Bean
    SnapshotTriggerDefinition callSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    @Bean
    Cache callCache(@Value("${CALL_CACHE_SIZE:" + CACHE_SIZE + "}") int size) {
        return new BoundedCache(size);
    }
}
