package com.callvault.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.api.identity.Address;
import com.callvault.api.identity.RegisterUser;
import com.callvault.api.identity.UserId;
import com.callvault.gateway.CallVaultApplication;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.query.identity.FindUser;
import com.callvault.query.identity.UserView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Without DATABASE_URL the app runs on its own PostgreSQL, whose data outlives a restart. */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    @Test
    void without_database_url_the_app_starts_an_embedded_database_whose_data_survives_a_restart() {
        Address address = Address.of(TestWallet.random().address());
        Instant at = Instant.parse("2026-11-24T12:00:00Z");

        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(DatabaseEndpoint.class).isEmbedded()).isTrue();
            app.getBean(CommandGateway.class).sendAndWait(new RegisterUser(UserId.of(address), at));
            await().atMost(Duration.ofSeconds(10)).until(() -> find(app, address).isPresent());
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext app = start()) {
            assertThat(find(app, address)).map(UserView::registeredAt).contains(at);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CallVaultApplication.class).run(
            "--PORT=0", "--DATABASE_URL=", "--DATA_DIR=" + dataDir, "--LOG_FORMAT=",
            "--spring.jmx.enabled=false");
    }

    private static Optional<UserView> find(ConfigurableApplicationContext app, Address address) {
        return app.getBean(QueryGateway.class)
            .query(new FindUser(address.value()), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }
}
