package com.callvault.gateway;

import com.callvault.gateway.push.VapidKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The CallVault server: this gateway plus the command model and projections found on its classpath
 * (scanned under {@code com.callvault}). {@code java -jar callvault.jar vapid-keys} prints a new VAPID key pair instead.
 */
@SpringBootApplication(scanBasePackages = "com.callvault")
@ConfigurationPropertiesScan
@EnableScheduling
public class CallVaultApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("vapid-keys")) {
            // a key pair for Web Push, printed as environment lines; the server is not started
            System.out.print(VapidKeys.generate().environmentLines());
            return;
        }
        // Axon prints an advertisement for its hosted console at every start otherwise
        System.setProperty("disable-axoniq-console-message", System.getProperty("disable-axoniq-console-message", "true"));
        SpringApplication.run(CallVaultApplication.class, args);
    }
}
