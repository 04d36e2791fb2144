package com.callvault.gateway.diagnostics;

import com.callvault.gateway.attachments.AttachmentProperties;
import com.callvault.gateway.ice.IceProperties;
import com.callvault.gateway.ice.health.TurnHealth;
import com.callvault.gateway.push.PushProperties;
import com.callvault.gateway.settings.CallVaultProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The checks, in report order, and what runs them. The server scans this; {@code diagnose} imports it into a small
 * context of its own, where the beans only a server has (event processors, meters, the request) are absent and the
 * checks say what they can without them.
 */
@Configuration(proxyBeanMethods = false)
public class DiagnosticsConfiguration {

    @Bean
    Diagnostics diagnostics(List<DiagnosticCheck> checks, CallVaultProperties app, IceProperties ice, PushProperties push, Clock clock) {
        return new Diagnostics(checks, SecretMask.of(app, ice, push), clock);
    }

    @Bean
    DiagnosticsDatabase diagnosticsDatabase(ObjectProvider<DataSource> dataSource) {
        return new DiagnosticsDatabase(dataSource.getIfAvailable());
    }

    @Bean
    @Order(10)
    DiagnosticCheck databaseCheck(DiagnosticsDatabase database, ObjectProvider<DataSource> dataSource, ObjectProvider<Flyway> flyway) {
        // the server's Flyway bean when there is one; otherwise one with the same locations, used for info() only
        return new DatabaseCheck(database, () -> flyway.getIfAvailable(() -> Flyway.configure()
            .dataSource(dataSource.getObject()).locations("classpath:db/migration").load()));
    }

    @Bean
    @Order(20)
    DiagnosticCheck eventProcessorsCheck(DiagnosticsDatabase database, ObjectProvider<EventProcessingConfiguration> processing,
                                         ObjectProvider<MeterRegistry> registry) {
        return new EventProcessorsCheck(database, processing::getIfAvailable, registry::getIfAvailable);
    }

    @Bean
    @Order(30)
    DiagnosticCheck turnCheck(IceProperties properties, ObjectProvider<TurnHealthSummary> summary, ObjectProvider<TurnHealth> health) {
        // the background TURN health checks' view where they run (the diagnose command's context has none)
        return new TurnCheck(properties, () -> summary.getIfAvailable(() -> {
            TurnHealth checks = health.getIfAvailable();
            return checks == null ? null : new TurnHealthReport(checks);
        }));
    }

    @Bean
    @Order(40)
    DiagnosticCheck stunCheck(IceProperties properties) {
        return new StunCheck(properties);
    }

    @Bean
    @Order(50)
    DiagnosticCheck vapidCheck(PushProperties properties) {
        return new VapidCheck(properties);
    }

    @Bean
    @Order(60)
    DiagnosticCheck publicUrlCheck(CallVaultProperties properties) {
        return new PublicUrlCheck(properties);
    }

    @Bean
    @Order(70)
    DiagnosticCheck proxyCheck(CallVaultProperties properties) {
        return new ProxyCheck(properties);
    }

    @Bean
    @Order(80)
    DiagnosticCheck clockCheck(DiagnosticsDatabase database, Clock clock) {
        return new ClockCheck(database, clock);
    }

    @Bean
    @Order(90)
    DiagnosticCheck pushSubscriptionsCheck(DiagnosticsDatabase database, PushProperties push, ObjectProvider<MeterRegistry> registry) {
        boolean configured = !push.vapidPublicKey().isEmpty() && !push.vapidPrivateKey().isEmpty();
        return new PushSubscriptionsCheck(database, configured, registry::getIfAvailable);
    }

    @Bean
    @Order(100)
    DiagnosticCheck uploadsCheck(AttachmentProperties attachments) {
        return new UploadsCheck(attachments.dir(), attachments.maxBytes().toBytes());
    }
}
