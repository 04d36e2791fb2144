package com.callvault.gateway;

import com.callvault.gateway.diagnostics.DiagnoseCommand;
import com.callvault.gateway.push.VapidKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The CallVault server: this gateway plus the command model and projections found on its classpath
 * (scanned under {@code com.callvault}). {@code java -jar callvault.jar vapid-keys} prints a new VAPID key pair instead;
 * {@code java -jar callvault.jar diagnose} checks the configuration in the environment and prints a report.
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
        if (args.length > 0 && args[0].equals(DiagnoseCommand.NAME)) {
            // the checks that need no HTTP request, against the configured environment; the server is not started
            System.exit(DiagnoseCommand.run(args, System.out));
        }
        // Axon prints an advertisement for its hosted console at every start otherwise
        System.setProperty("disable-axoniq-console-message", System.getProperty("disable-axoniq-console-message", "true"));
        SpringApplication.run(CallVaultApplication.class, args);
    }
}
