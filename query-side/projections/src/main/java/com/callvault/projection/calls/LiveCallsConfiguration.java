package com.callvault.projection.calls;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live-calls index runs in the command's transaction (subscribing, see application.yml) and an error in it
 * fails the command instead of being logged and skipped: an invite that is not indexed could ring past a busy
 * check.
 */
@Configuration(proxyBeanMethods = false)
class LiveCallsConfiguration {

    @Bean
    ConfigurerModule liveCallsErrorsFailTheCommand() {
        return configurer -> configurer.eventProcessing()
            .registerSubscribingEventProcessor(LiveCallsIndex.PROCESSING_GROUP)
            .registerListenerInvocationErrorHandler(LiveCallsIndex.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
