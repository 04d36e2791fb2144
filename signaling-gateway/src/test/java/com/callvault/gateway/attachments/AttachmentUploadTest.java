package com.callvault.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.TestWallet;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Uploads: what is accepted is stored whole and comes back byte for byte; what is refused leaves nothing. */
class AttachmentUploadTest extends AttachmentsIntegrationTest {

    private final TestWallet alice = TestWallet.random();
    private String token;

    @BeforeEach
    void aliceSignsIn() {
        token = signIn(alice);
    }

    @Test
    void an_upload_is_stored_and_its_uploader_downloads_the_same_bytes() {
        byte[] photo = randomBytes(40_000);

        Map<?, ?> attachment = uploaded(token, "Grüße aus \"Köln\".png", MediaType.IMAGE_PNG, photo);

        assertThat(attachment.get("attachmentId")).asString().matches("att_[A-Za-z0-9_-]{22}");
        assertThat(attachment.get("name")).isEqualTo("Grüße aus \"Köln\".png");
        assertThat(attachment.get("contentType")).isEqualTo("image/png");
        assertThat(((Number) attachment.get("size")).longValue()).isEqualTo(photo.length);
        assertThat(attachment.get("sha256")).isEqualTo(sha256(photo));
        assertThat(jdbc.queryForObject("SELECT uploader FROM attachment WHERE attachment_id = ?", String.class,
            attachment.get("attachmentId"))).isEqualTo(alice.address());

        var download = download(token, (String) attachment.get("attachmentId")).exchange()
            .expectStatus().isOk()
            .expectHeader().contentType(MediaType.IMAGE_PNG)
            .expectHeader().contentLength(photo.length)
            .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                "inline; filename=\"Gr__e aus _K_ln_.png\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20aus%20%22K%C3%B6ln%22.png")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=86400, private")
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256(photo) + "\"")
            .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
            .expectHeader().exists("Content-Security-Policy")
            .expectBody(byte[].class).returnResult();
        assertThat(download.getResponseBody()).isEqualTo(photo);
    }

    @Test
    void anything_but_an_image_downloads_as_a_file_and_text_keeps_its_charset() {
        byte[] note = "Ünïcödé notes".getBytes(StandardCharsets.UTF_8);
        Map<?, ?> attachment = uploaded(token, "notes.txt", MediaType.parseMediaType("text/plain; charset=utf-8; x=y"), note);
        assertThat(attachment.get("contentType")).isEqualTo("text/plain;charset=UTF-8");

        download(token, (String) attachment.get("attachmentId")).exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
            .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"notes.txt\"; filename*=UTF-8''notes.txt")
            .expectBody(byte[].class).isEqualTo(note);
    }

    @Test
    void an_upload_that_declares_more_than_the_limit_is_refused_and_leaves_nothing() {
        long rows = rows();
        long files = filesInStore();

        refused(upload(token, "big.mp4", MediaType.parseMediaType("video/mp4"), randomBytes(MAX_BYTES + 1)), 413, "attachment-too-large");

        assertThat(rows()).isEqualTo(rows);
        assertThat(filesInStore()).isEqualTo(files);
    }

    @Test
    void an_upload_that_streams_past_the_limit_is_cut_off_and_leaves_nothing() {
        long rows = rows();
        long files = filesInStore();
        byte[] chunk = randomBytes(MAX_BYTES / 4);
        Flux<DataBuffer> fiveQuarters = Flux.range(0, 5).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));

        refused(http.post().uri("/api/attachments?name=stream.webm")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.parseMediaType("video/webm"))
            .body(fiveQuarters, DataBuffer.class)
            .exchange(), 413, "attachment-too-large");

        assertThat(rows()).isEqualTo(rows);
        assertThat(filesInStore()).as("neither a stored nor a partial file").isEqualTo(files);
    }

    @Test
    void a_client_that_goes_away_mid_upload_leaves_nothing() throws Exception {
        long rows = rows();
        long files = filesInStore();
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/attachments?name=half.pdf HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/pdf\r\nContent-Length: " + MAX_BYTES + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(randomBytes(MAX_BYTES / 2));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> filesInStore() == files + 1); // the partial file
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> filesInStore() == files);
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void an_upload_of_exactly_the_limit_is_accepted() {
        byte[] content = randomBytes(MAX_BYTES);
        assertThat(uploaded(token, "exact.pdf", MediaType.APPLICATION_PDF, content).get("sha256")).isEqualTo(sha256(content));
    }

    @Test
    void a_type_that_is_not_on_the_list_is_refused() {
        long rows = rows();
        refused(upload(token, "page.html", MediaType.TEXT_HTML, "<script>alert(1)</script>".getBytes()), 415, "attachment-type-not-allowed");
        refused(upload(token, "program.exe", MediaType.APPLICATION_OCTET_STREAM, randomBytes(10)), 415, "attachment-type-not-allowed");
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void an_empty_upload_is_refused() {
        long files = filesInStore();
        refused(upload(token, "nothing.txt", MediaType.TEXT_PLAIN, new byte[0]), 400, "attachment-empty");
        refused(http.post().uri("/api/attachments?name=nothing.txt")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.TEXT_PLAIN)
            .body(Flux.<DataBuffer>empty(), DataBuffer.class)
            .exchange(), 400, "attachment-empty");
        assertThat(filesInStore()).isEqualTo(files);
    }

    @Test
    void an_upload_needs_a_name_of_at_most_255_characters_without_control_characters() {
        refused(http.post().uri("/api/attachments").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.TEXT_PLAIN).bodyValue("hi".getBytes()).exchange(), 400, "malformed-request");
        refused(upload(token, "a".repeat(252) + ".txt", MediaType.TEXT_PLAIN, "hi".getBytes()), 400, "malformed-request");
        refused(upload(token, "invoice\u202Efdp.exe", MediaType.TEXT_PLAIN, "hi".getBytes()), 400, "malformed-request");
        upload(token, "é".repeat(251) + ".txt", MediaType.TEXT_PLAIN, "hi".getBytes()).expectStatus().isCreated();
    }

    @Test
    void an_upload_needs_a_session() {
        refused(http.post().uri("/api/attachments?name=a.txt").contentType(MediaType.TEXT_PLAIN).bodyValue("hi".getBytes()).exchange(),
            401, "not-signed-in");
    }
}
