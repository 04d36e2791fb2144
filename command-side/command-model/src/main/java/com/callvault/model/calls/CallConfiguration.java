package com.callvault.model.calls;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Calls are snapshotted every {@value #SNAPSHOT_EVERY} events, so a long call with many quality samples loads
 * as fast as a new one. They are deliberately not cached (see {@link Call}).
 */
@Configuration(proxyBeanMethods = false)
class CallConfiguration {

    static final int SNAPSHOT_EVERY = 100;

    @Bean
    SnapshotTriggerDefinition callSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }
}
