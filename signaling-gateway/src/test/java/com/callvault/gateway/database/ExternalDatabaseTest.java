package com.callvault.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.PostgresForTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExternalDatabaseTest extends GatewayIntegrationTest {

    @Autowired
    DatabaseEndpoint endpoint;

    @Test
    void with_database_url_the_app_uses_that_database_and_never_starts_the_embedded_one() {
        assertThat(endpoint.isEmbedded()).isFalse();
        assertThat(endpoint.url()).isEqualTo(DatabaseUrl.parse(PostgresForTests.databaseUrl()));
    }
}
