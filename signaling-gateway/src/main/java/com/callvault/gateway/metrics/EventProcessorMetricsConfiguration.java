package com.callvault.gateway.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking processors report through {@link EventProcessorMonitor}; every other Axon component keeps
 * Axon's own dimensional monitors. A monitor registered for a component type takes precedence over Axon's
 * general one.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessorMetricsConfiguration {

    @Bean
    ConfigurerModule eventProcessorMetrics(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(TrackingEventProcessor.class,
            (configuration, componentType, processor) -> new EventProcessorMonitor(processor, registry, Clock.SYSTEM));
    }
}
