package com.callvault.model.axon;

import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Correlation data (Axon's message origin: {@code correlationId}, {@code traceId}) goes from a command to the
 * events it causes, as by default, but not from a stored event to what the tracking processors' handlers do:
 * they write read models and send nothing on. Asking a stored event for its origin deserializes its metadata,
 * once per event and processor, for data nobody uses (a tenth of a processor's time under load).
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    @Bean
    CorrelationDataProvider commandOriginProvider() {
        MessageOriginProvider origin = new MessageOriginProvider();
        return new CorrelationDataProvider() {
            @Override
            public Map<String, ?> correlationDataFor(Message<?> message) {
                return message instanceof TrackedEventMessage<?> ? Map.of() : origin.correlationDataFor(message);
            }
        };
    }
}
