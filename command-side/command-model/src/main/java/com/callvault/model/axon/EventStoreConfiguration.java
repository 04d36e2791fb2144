package com.callvault.model.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC storage engine on PostgreSQL. Tables are created by Flyway ({@code db/migration}) with
 * snake_case names; payloads and metadata are JSONB so events can be read and queried in SQL.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    static final int FETCH_SIZE = 500;

    /**
     * Axon's auto-configuration waits for a Boot 3 class that moved in Boot 4 and would silently fall back
     * to {@code NoTransactionManager}: appends, tokens and projection rows would then not be transactional.
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("time_stamp")
            .setOwnerColumn("owner")
            .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 Configuration configuration,
                                                 EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .eventSerializer(eventSerializer)
            .upcasterChain(configuration.upcasterChain())
            .snapshotFilter(configuration.snapshotFilter())
            .persistenceExceptionResolver(persistenceExceptionResolver)
            .connectionProvider(connectionProvider)
            .transactionManager(transactionManager)
            .schema(eventSchema)
            // events per query, for a tracking processor (its batch is as large) and for an aggregate (at most a
            // snapshot interval of events): fewer, larger reads when a processor catches up
            .batchSize(FETCH_SIZE)
            // JSON text into JSONB columns (the JDBC URL sets stringtype=unspecified)
            .dataType(String.class)
            .build();
    }
}
