package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EditingAndDeletingTest extends MessagingIntegrationTest {

    @Test
    void an_edited_message_shows_its_new_body_and_when_it_was_edited() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "m1", "helo");

        patch(alice, messages(id) + "/1").bodyValue(Map.of("body", "hello")).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.conversationId").isEqualTo(id).jsonPath("$.position").isEqualTo(2).jsonPath("$.changed").isEqualTo(true);

        eventually(() -> assertThat(page(bob, messages(id))).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("body", "hello").containsEntry("position", 1).containsEntry("lastPosition", 2);
            assertThat(m.get("editedAt")).isNotNull();
        }));
    }

    @Test
    void a_deleted_message_stays_as_a_tombstone_without_body_and_deleting_it_again_changes_nothing() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "m1", "oops");
        send(alice, id, "m2", "fine");

        delete(alice, messages(id) + "/1").exchange().expectStatus().isNoContent();
        long afterFirstDelete = storedEvents();
        delete(alice, messages(id) + "/1").exchange().expectStatus().isNoContent();

        assertThat(storedEvents()).isEqualTo(afterFirstDelete);
        eventually(() -> assertThat(page(bob, messages(id))).satisfiesExactly(
            m2 -> assertThat(m2).containsEntry("seq", 2).containsEntry("body", "fine"),
            m1 -> {
                assertThat(m1).containsEntry("seq", 1).containsEntry("body", null).containsEntry("lastPosition", 3);
                assertThat(m1.get("deletedAt")).isNotNull();
            }));
        patch(alice, messages(id) + "/1").bodyValue(Map.of("body", "back")).exchange()
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("message-deleted");
    }

    @Test
    void nobody_may_edit_or_delete_the_peers_message() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "m1", "mine");
        long before = storedEvents();

        patch(bob, messages(id) + "/1").bodyValue(Map.of("body", "yours now")).exchange()
            .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("not-your-message");
        delete(bob, messages(id) + "/1").exchange()
            .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("not-your-message");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void editing_a_message_that_does_not_exist_or_with_nothing_to_say_is_refused_and_stores_nothing() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "m1", "hi");
        long before = storedEvents();

        patch(alice, messages(id) + "/7").bodyValue(Map.of("body", "x")).exchange()
            .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("message-not-found");
        patch(alice, messages(id) + "/1").bodyValue(Map.of("body", "  ")).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("message-empty");
        patch(alice, messages(id) + "/1").bodyValue(Map.of()).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        patch(alice, messages(id) + "/one").bodyValue(Map.of("body", "x")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-sequence");
        delete(alice, messages(id) + "/0").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-sequence");

        assertThat(storedEvents()).isEqualTo(before);
    }
}
