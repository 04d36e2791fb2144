package com.callvault.model.messaging;

import com.callvault.model.axon.BoundedCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Conversations are cached between commands (no replay on the hot path), at most {@code CONVERSATION_CACHE_SIZE}
 * (default {@value #CACHE_SIZE}) on an instance, the least recently used dropped first, and snapshotted every
 * {@value #SNAPSHOT_EVERY} events (a cold load replays at most that many). When another instance changed a cached
 * conversation, an append fails on the unique (aggregate, sequence) key and Axon drops the entry; a decision that
 * appends nothing is checked against the store ({@link Conversation}).
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    static final int SNAPSHOT_EVERY = 500;
    static final int CACHE_SIZE = 10_000;

    @Bean
    Cache conversationCache(@Value("${CONVERSATION_CACHE_SIZE:" + CACHE_SIZE + "}") int size) {
        return new BoundedCache(size);
    }

    @Bean
    SnapshotTriggerDefinition conversationSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }
}
