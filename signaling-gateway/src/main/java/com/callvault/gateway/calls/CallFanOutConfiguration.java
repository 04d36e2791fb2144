package com.callvault.gateway.calls;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link CallFanOut} is a subscribing processor: every instance sees the call events it commits, at commit, with
 * no polling delay and no token; an error in it is logged and never fails the command.
 */
@Configuration(proxyBeanMethods = false)
class CallFanOutConfiguration {

    @Bean
    ConfigurerModule callFanOutSubscribes() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(CallFanOut.PROCESSING_GROUP);
    }
}
