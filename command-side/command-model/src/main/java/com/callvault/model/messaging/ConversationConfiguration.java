package com.callvault.model.messaging;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Conversations are cached between commands (no replay on the hot path) and snapshotted every
 * {@value #SNAPSHOT_EVERY} events (a cold load replays at most that many). When another instance changed a
 * cached conversation, the append fails on the unique (aggregate, sequence) key and Axon drops the entry.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    static final int SNAPSHOT_EVERY = 500;

    @Bean
    Cache conversationCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SnapshotTriggerDefinition conversationSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }
}
