package com.callvault.model.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One JSON serializer for events, messages, snapshots and tokens. Instants are ISO-8601 strings, so the
 * stored events read the same in SQL as in the admin's event explorer. This is a stored contract:
 * changing these settings changes how existing events are read.
 */
@Configuration(proxyBeanMethods = false)
public class SerializerConfiguration {

    static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // tolerate fields added by a newer revision of an event while old nodes still run
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        ChainingConverter converter = new ChainingConverter();
        converter.registerConverter(new JsonbToStringConverter());
        return JacksonSerializer.builder().objectMapper(eventObjectMapper()).converter(converter).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return serializer();
    }
}
