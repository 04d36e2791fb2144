package com.callvault.model.axon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command gateway, retrying commands that lost an append race (several instances cache the same aggregate). */
@Configuration(proxyBeanMethods = false)
public class CommandGatewayConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("command-retry").daemon().factory());
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new RetryOnConflict(commandRetryExecutor)).build();
    }
}
