package com.callvault.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.TestWallet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An attachment sent in a message: the conversation's members may download it, for as long as the message lives. */
class AttachmentSharingTest extends AttachmentsIntegrationTest {

    private final TestWallet alice = TestWallet.random();
    private final TestWallet bob = TestWallet.random();
    private final byte[] photo = randomBytes(30_000);
    private String aliceToken;
    private String bobToken;
    private String conversationId;
    private String photoId;

    @BeforeEach
    void aliceAndBobConverse() {
        aliceToken = signIn(alice);
        bobToken = signIn(bob);
        conversationId = (String) post(aliceToken, "/api/conversations").bodyValue(Map.of("peer", bob.address())).exchange()
            .expectStatus().is2xxSuccessful()
            .expectBody(Map.class).returnResult().getResponseBody().get("conversationId");
        photoId = (String) uploaded(aliceToken, "beach.jpg", MediaType.IMAGE_JPEG, photo).get("attachmentId");
    }

    @Test
    void a_member_of_the_conversation_downloads_and_a_non_member_cannot() {
        refused(download(bobToken, photoId).exchange(), 404, "attachment-not-found");

        put(aliceToken, messages() + "/m1").bodyValue(Map.of("body", "look", "attachments", List.of(photoId))).exchange()
            .expectStatus().isCreated();

        eventually(() -> download(bobToken, photoId).exchange().expectStatus().isOk().expectBody(byte[].class).isEqualTo(photo));
        refused(download(signIn(TestWallet.random()), photoId).exchange(), 404, "attachment-not-found");
    }

    @Test
    void once_the_message_is_deleted_only_the_uploader_can_download() {
        put(aliceToken, messages() + "/m1").bodyValue(Map.of("body", "oops", "attachments", List.of(photoId))).exchange()
            .expectStatus().isCreated();
        eventually(() -> download(bobToken, photoId).exchange().expectStatus().isOk());

        http.delete().uri(messages() + "/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + aliceToken).exchange()
            .expectStatus().isNoContent();

        eventually(() -> download(bobToken, photoId).exchange().expectStatus().isNotFound());
        download(aliceToken, photoId).exchange().expectStatus().isOk();
    }

    @Test
    void a_member_cannot_send_someone_elses_attachment_on() {
        put(aliceToken, messages() + "/m1").bodyValue(Map.of("body", "look", "attachments", List.of(photoId))).exchange()
            .expectStatus().isCreated();

        refused(put(bobToken, messages() + "/b1").bodyValue(Map.of("body", "fwd", "attachments", List.of(photoId))).exchange(),
            422, "attachment-not-found");
    }

    private String messages() {
        return "/api/conversations/" + conversationId + "/messages";
    }

    private WebTestClient.RequestBodySpec post(String token, String uri) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
    }

    private WebTestClient.RequestBodySpec put(String token, String uri) {
        return http.put().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
    }

    /** The query side follows the events within milliseconds: wait for it, never sleep. */
    private static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion);
    }
}
