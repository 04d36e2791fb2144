package com.callvault.gateway.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's components report through {@link AxonMessageMonitor} (meters looked up once per payload type, under Axon's
 * names and tags): the event processors, tracking and subscribing, the command bus, the event store and the query
 * bus. A monitor registered for a component type takes precedence over Axon's general one.
 */
@Configuration(proxyBeanMethods = false)
class AxonMetricsConfiguration {

    @Bean
    ConfigurerModule axonMetrics(MeterRegistry registry) {
        return configurer -> {
            configurer.configureMessageMonitor(TrackingEventProcessor.class,
                (configuration, componentType, processor) -> AxonMessageMonitor.processor(processor, registry, Clock.SYSTEM));
            configurer.configureMessageMonitor(SubscribingEventProcessor.class,
                (configuration, componentType, processor) -> AxonMessageMonitor.processor(processor, registry, Clock.SYSTEM));
            for (Class<?> component : List.of(CommandBus.class, EventStore.class, QueryBus.class)) {
                configurer.configureMessageMonitor(component,
                    (configuration, componentType, name) -> AxonMessageMonitor.component(name, registry, Clock.SYSTEM));
            }
        };
    }
}
