package com.callvault.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The CallVault server: this gateway plus the command model and projections found on its classpath
 * (scanned under {@code com.callvault}).
 */
@SpringBootApplication(scanBasePackages = "com.callvault")
@ConfigurationPropertiesScan
@EnableScheduling
public class CallVaultApplication {

    public static void main(String[] args) {
        // Axon prints an advertisement for its hosted console at every start otherwise
        System.setProperty("disable-axoniq-console-message", System.getProperty("disable-axoniq-console-message", "true"));
        SpringApplication.run(CallVaultApplication.class, args);
    }
}
