package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptsAndInboxTest extends MessagingIntegrationTest {

    @Test
    void the_inbox_shows_the_peer_the_last_message_and_unread_counts_that_drop_once_read() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "a1", "hi bob");
        send(alice, id, "a2", "are you there?");

        eventually(() -> assertThat(inbox(bob)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("conversationId", id).containsEntry("unread", 2).containsEntry("lastSeq", 2)
                .containsEntry("lastPosition", 2);
            assertThat(object(entry.get("peer"))).containsEntry("address", alice.address());
            assertThat(object(entry.get("me"))).containsEntry("address", bob.address());
            assertThat(object(entry.get("lastMessage"))).containsEntry("seq", 2).containsEntry("sender", alice.address())
                .containsEntry("preview", "are you there?").containsEntry("hasAttachments", false).containsEntry("deleted", false);
        }));
        eventually(() -> assertThat(inbox(alice)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("unread", 0)));

        receipt(bob, id, "read", 1).expectStatus().isOk()
            .expectBody().jsonPath("$.changed").isEqualTo(true).jsonPath("$.position").isEqualTo(3);

        eventually(() -> assertThat(inbox(bob)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("unread", 1)));
        // alice sees bob's ticks: reading implies delivery
        eventually(() -> assertThat(inbox(alice)).singleElement().satisfies(entry -> assertThat(object(entry.get("peer")))
            .containsEntry("readSeq", 1).containsEntry("readPosition", 3).containsEntry("deliveredSeq", 1)));
    }

    @Test
    void the_newest_conversation_comes_first_and_a_long_message_shows_as_a_preview() {
        Person alice = signedIn();
        Person bob = signedIn();
        Person carol = signedIn();
        String withBob = start(alice, bob);
        String withCarol = start(alice, carol);
        send(carol, withCarol, "c1", "first");
        send(bob, withBob, "b1", "x".repeat(500));

        eventually(() -> {
            List<Map<String, Object>> inbox = inbox(alice);
            assertThat(inbox).extracting(e -> e.get("conversationId")).containsExactly(withBob, withCarol);
            assertThat(object(inbox.getFirst().get("lastMessage")).get("preview")).isEqualTo("x".repeat(140));
        });
    }

    @Test
    void a_deleted_message_is_no_longer_unread_and_leaves_no_preview() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "a1", "one");
        send(alice, id, "a2", "regret");
        delete(alice, messages(id) + "/2").exchange().expectStatus().isNoContent();

        eventually(() -> assertThat(inbox(bob)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("unread", 1);
            assertThat(object(entry.get("lastMessage"))).containsEntry("seq", 2).containsEntry("preview", null)
                .containsEntry("deleted", true);
        }));
    }

    @Test
    void read_marks_only_move_forward_and_a_mark_from_the_future_is_refused() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "a1", "one");
        send(alice, id, "a2", "two");

        receipt(bob, id, "read", 2).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        long before = storedEvents();
        receipt(bob, id, "read", 1).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);
        receipt(bob, id, "delivered", 2).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);
        receipt(bob, id, "read", 3).expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("sequence-from-future");

        assertThat(storedEvents()).isEqualTo(before);
        eventually(() -> get(alice, "/api/conversations/" + id).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.members[1].readSeq").isEqualTo(2)
            .jsonPath("$.members[1].deliveredSeq").isEqualTo(2)
            .jsonPath("$.lastPosition").isEqualTo(3));
    }

    @Test
    void receipts_with_an_unknown_kind_or_no_number_are_refused_with_their_code() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        long before = storedEvents();

        receipt(bob, id, "seen", 1).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-receipt-kind");
        receipt(bob, id, "read", -1).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-sequence");
        post(bob, "/api/conversations/" + id + "/receipts").bodyValue(Map.of("kind", "read")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> inbox(Person who) {
        Map<?, ?> body = get(who, "/api/conversations").exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("conversations");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec receipt(Person who, String id, String kind, long upToSeq) {
        return post(who, "/api/conversations/" + id + "/receipts").bodyValue(Map.of("kind", kind, "upToSeq", upToSeq)).exchange();
    }
}
