package com.callvault.gateway.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL for the whole test JVM, with no manual step: a Testcontainers PostgreSQL where a
 * Docker engine is available, otherwise an embedded PostgreSQL server (same major version, 15) in a
 * fresh temporary directory. Tests reach it through {@code DATABASE_URL}, exactly as the app is configured.
 */
public final class PostgresForTests {

    private static String databaseUrl;

    private PostgresForTests() {
    }

    public static synchronized String databaseUrl() {
        if (databaseUrl == null) {
            databaseUrl = DockerClientFactory.instance().isDockerAvailable() ? startContainer() : startEmbedded();
        }
        return databaseUrl;
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static String startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        return "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@" + container.getHost() + ":"
            + container.getFirstMappedPort() + "/" + container.getDatabaseName();
    }

    private static String startEmbedded() {
        try {
            Path directory = Files.createTempDirectory("callvault-test-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary directory goes with the machine's tmp cleanup
                }
            }));
            return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
        }
    }
}
