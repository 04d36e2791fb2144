package com.callvault.gateway.database;

import com.callvault.gateway.settings.CallVaultProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One PostgreSQL, two drivers: JDBC (Hikari) for Axon's event store, token store and projectors, which
 * write inside the processor's transaction; R2DBC for the reactive read path. Both are declared here
 * because Boot's DataSource auto-configuration backs off as soon as an R2DBC ConnectionFactory exists.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseEndpoint databaseEndpoint(CallVaultProperties properties) {
        String configured = properties.databaseUrl();
        if (configured != null && !configured.isBlank()) {
            return new DatabaseEndpoint(DatabaseUrl.parse(configured), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(properties.dataDir());
        return new DatabaseEndpoint(embedded.url(), embedded);
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseEndpoint endpoint) {
        DatabaseUrl url = endpoint.url();
        HikariConfig config = new HikariConfig();
        config.setPoolName("callvault-jdbc");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.username());
        config.setPassword(url.password());
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        return new HikariDataSource(config);
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    ConnectionFactory connectionFactory(DatabaseEndpoint endpoint) {
        DatabaseUrl url = endpoint.url();
        PostgresqlConnectionConfiguration.Builder builder = PostgresqlConnectionConfiguration.builder()
            .host(url.host())
            .port(url.port())
            .database(url.database())
            .username(url.username() == null ? "postgres" : url.username())
            .sslMode(SSLMode.fromValue(url.sslMode()))
            .applicationName("callvault-r2dbc");
        if (url.password() != null) {
            builder.password(url.password());
        }
        return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(builder.build()))
            .name("callvault-r2dbc")
            .initialSize(2)
            .maxSize(16)
            .maxIdleTime(Duration.ofMinutes(10))
            .build());
    }
}
