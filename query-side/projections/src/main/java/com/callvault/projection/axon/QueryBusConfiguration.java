package com.callvault.projection.axon;

import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The local query bus, without a transaction manager. Axon's default wraps every query in a JDBC
 * transaction; our query handlers read through R2DBC, so that would only take a pooled JDBC connection,
 * blocking, on the Netty event loop that called the query.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class QueryBusConfiguration {

    @Bean
    @Qualifier("localQueryBus")
    public SimpleQueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
            .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
            .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                () -> LoggingQueryInvocationErrorHandler.builder().build()))
            .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
            .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
            .build();
    }
}
