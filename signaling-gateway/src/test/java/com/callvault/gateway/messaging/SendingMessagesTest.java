package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendingMessagesTest extends MessagingIntegrationTest {

    @Test
    void a_retried_send_with_the_same_client_message_id_answers_the_same_message_and_stores_one() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);

        Map<String, Object> first = put(alice, messages(id) + "/txn-1").bodyValue(Map.of("body", "hello")).exchange()
            .expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> retry = put(alice, messages(id) + "/txn-1").bodyValue(Map.of("body", "hello")).exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(first).containsEntry("conversationId", id).containsEntry("seq", 1).containsEntry("position", 1)
            .containsEntry("clientMessageId", "txn-1").containsEntry("duplicate", false).containsKey("sentAt");
        assertThat(retry).containsEntry("seq", 1).containsEntry("position", 1).containsEntry("sentAt", first.get("sentAt"))
            .containsEntry("duplicate", true);
        assertThat(jdbc.queryForObject("""
            SELECT count(*) FROM domain_event_entry
             WHERE aggregate_identifier = ? AND payload_type = 'com.callvault.api.messaging.MessageSent'""", Long.class, id))
            .isEqualTo(1);
        eventually(() -> assertThat(page(bob, messages(id))).singleElement()
            .satisfies(m -> assertThat(m).containsEntry("body", "hello").containsEntry("sender", alice.address())));
    }

    @Test
    void messages_from_both_members_are_numbered_without_gaps_and_the_timeline_shows_them_newest_first() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);

        List<Long> seqs = List.of(send(alice, id, "a1", "one"), send(bob, id, "b1", "two"), send(alice, id, "a2", "three"),
            send(bob, id, "b2", "four"));

        assertThat(seqs).containsExactly(1L, 2L, 3L, 4L);
        eventually(() -> {
            List<Map<String, Object>> page = page(alice, messages(id));
            assertThat(seqs(page)).containsExactly(4L, 3L, 2L, 1L);
            assertThat(page.getFirst()).containsEntry("body", "four").containsEntry("sender", bob.address())
                .containsEntry("clientMessageId", "b2").containsEntry("position", 4).containsEntry("lastPosition", 4)
                .containsEntry("attachments", List.of()).containsEntry("editedAt", null).containsEntry("deletedAt", null);
        });
    }

    @Test
    void an_outsider_sending_into_a_conversation_gets_not_found_and_nothing_is_stored() {
        Person alice = signedIn();
        Person bob = signedIn();
        Person eve = signedIn();
        String id = start(alice, bob);
        long before = storedEvents();

        put(eve, messages(id) + "/x1").bodyValue(Map.of("body", "let me in")).exchange()
            .expectStatus().isNotFound()
            .expectBody().jsonPath("$.code").isEqualTo("conversation-not-found");
        put(eve, messages("conversation:00000000-0000-0000-0000-000000000000") + "/x1").bodyValue(Map.of("body", "hi")).exchange()
            .expectStatus().isNotFound()
            .expectBody().jsonPath("$.code").isEqualTo("conversation-not-found");
        post(eve, "/api/conversations/" + id + "/receipts").bodyValue(Map.of("kind", "read", "upToSeq", 0)).exchange()
            .expectStatus().isNotFound();

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void naming_an_attachment_that_is_not_ones_own_upload_is_refused_and_stores_nothing() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        long before = storedEvents();

        put(alice, messages(id) + "/att-1").bodyValue(Map.of("body", "see this", "attachments", List.of("upl_123"))).exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("attachment-not-found");

        assertThat(storedEvents()).isEqualTo(before);
    }
}
