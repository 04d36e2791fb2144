package com.callvault.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database when {@code DATABASE_URL} is not set: a PostgreSQL server started by the app
 * itself, keeping its files in {@code <DATA_DIR>/postgres} so data survives a restart. For a first try
 * and a laptop; production sets {@code DATABASE_URL}.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by the Spring context after the connection pools, not by a racing JVM hook
                .setRegisterShutdownHook(false)
                .start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms); set DATABASE_URL to use your own server",
                postgres.getPort(), directory, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory
                + " (set DATABASE_URL to use an external PostgreSQL instead)", e);
        }
    }

    DatabaseUrl url() {
        return DatabaseUrl.parse("postgresql://postgres@localhost:" + postgres.getPort() + "/postgres");
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
