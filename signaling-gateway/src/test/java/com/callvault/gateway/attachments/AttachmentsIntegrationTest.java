package com.callvault.gateway.attachments;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with its uploads in a directory of their own under {@code target/} (never the module's
 * {@code ./data}) and a small size limit, so that "too large" costs 64 KiB rather than 25 MiB. Every attachment
 * test class shares this one context.
 */
abstract class AttachmentsIntegrationTest extends GatewayIntegrationTest {

    static final int MAX_BYTES = 64 * 1024;
    private static final Path UPLOADS = temporaryDirectory();

    @DynamicPropertySource
    static void attachmentSettings(DynamicPropertyRegistry registry) {
        registry.add("UPLOADS_DIR", UPLOADS::toString);
        registry.add("ATTACHMENT_MAX_BYTES", () -> Integer.toString(MAX_BYTES));
    }

    @Autowired
    AttachmentProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    WebTestClient.ResponseSpec upload(String token, String name, MediaType type, byte[] content) {
        return http.post().uri(uri -> uri.path("/api/attachments").queryParam("name", "{name}").build(name))
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(type)
            .bodyValue(content)
            .exchange();
    }

    /** Uploads and answers the 201's body: attachmentId, name, contentType, size, sha256. */
    Map<?, ?> uploaded(String token, String name, MediaType type, byte[] content) {
        return upload(token, name, type, content).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    WebTestClient.RequestHeadersSpec<?> download(String token, String attachmentId) {
        return http.get().uri("/api/attachments/{id}", attachmentId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    static void refused(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.code").isEqualTo(code)
            .jsonPath("$.status").isEqualTo(status)
            .jsonPath("$.detail").isNotEmpty();
    }

    /** Every file in the store's directory, finished or partial. */
    long filesInStore() {
        if (!Files.isDirectory(properties.dir())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(properties.dir())) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows() {
        return jdbc.queryForObject("SELECT count(*) FROM attachment", Long.class);
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "test-uploads-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
