package com.callvault.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.TestWallet;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Downloads: who may read an attachment, and the HTTP that makes players and caches work. */
class AttachmentDownloadTest extends AttachmentsIntegrationTest {

    private final TestWallet alice = TestWallet.random();
    private final TestWallet mallory = TestWallet.random();
    private final byte[] song = randomBytes(50_000);
    private String aliceToken;
    private String songId;

    @BeforeEach
    void aliceUploadsASong() {
        aliceToken = signIn(alice);
        songId = (String) uploaded(aliceToken, "song.mp3", MediaType.parseMediaType("audio/mpeg"), song).get("attachmentId");
    }

    @Test
    void an_attachment_that_does_not_exist_is_not_found() {
        refused(download(aliceToken, "att_AAAAAAAAAAAAAAAAAAAAAA").exchange(), 404, "attachment-not-found");
        refused(download(aliceToken, "not-an-id").exchange(), 404, "attachment-not-found");
    }

    @Test
    void someone_who_shares_no_conversation_with_the_uploader_is_told_it_does_not_exist() {
        refused(download(signIn(mallory), songId).exchange(), 404, "attachment-not-found");
    }

    @Test
    void a_download_needs_a_session() {
        refused(http.get().uri("/api/attachments/{id}", songId).exchange(), 401, "not-signed-in");
    }

    @Test
    void a_client_that_has_the_content_is_told_it_has_not_changed() {
        download(aliceToken, songId).header(HttpHeaders.IF_NONE_MATCH, "\"" + sha256(song) + "\"").exchange()
            .expectStatus().isNotModified()
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256(song) + "\"")
            .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=86400, private")
            .expectBody().isEmpty();
        download(aliceToken, songId).header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"").exchange()
            .expectStatus().isOk();
    }

    @Test
    void a_player_seeking_gets_the_range_it_asked_for() {
        var partial = download(aliceToken, songId).header(HttpHeaders.RANGE, "bytes=1000-1999").exchange()
            .expectStatus().isEqualTo(206)
            .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 1000-1999/" + song.length)
            .expectHeader().contentLength(1000)
            .expectBody(byte[].class).returnResult();
        assertThat(partial.getResponseBody()).isEqualTo(Arrays.copyOfRange(song, 1000, 2000));

        var tail = download(aliceToken, songId).header(HttpHeaders.RANGE, "bytes=-10").exchange()
            .expectStatus().isEqualTo(206)
            .expectBody(byte[].class).returnResult();
        assertThat(tail.getResponseBody()).isEqualTo(Arrays.copyOfRange(song, song.length - 10, song.length));
    }

    @Test
    void a_range_beyond_the_end_is_not_satisfiable() {
        refused(download(aliceToken, songId).header(HttpHeaders.RANGE, "bytes=" + song.length + "-").exchange(), 416, "range-not-satisfiable");
        download(aliceToken, songId).header(HttpHeaders.RANGE, "bytes=" + song.length + "-").exchange()
            .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + song.length);
    }

    @Test
    void a_range_for_an_older_version_gets_the_whole_file() {
        download(aliceToken, songId).header(HttpHeaders.RANGE, "bytes=0-9").header(HttpHeaders.IF_RANGE, "\"older\"").exchange()
            .expectStatus().isOk()
            .expectBody(byte[].class).isEqualTo(song);
    }
}
