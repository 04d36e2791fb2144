package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class StartingConversationsTest extends MessagingIntegrationTest {

    @Test
    void two_people_starting_the_same_conversation_from_both_sides_get_one_conversation() {
        Person alice = signedIn();
        Person bob = signedIn();

        var first = post(alice, "/api/conversations").bodyValue(Map.of("peer", bob.address())).exchange()
            .expectStatus().isCreated()
            .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/conversations/conversation:[0-9a-f-]{36}")
            .expectBody(Map.class).returnResult().getResponseBody();
        // bob names alice in lower case: the same address
        var second = post(bob, "/api/conversations").bodyValue(Map.of("peer", alice.address().toLowerCase(Locale.ROOT))).exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(second.get("conversationId")).isEqualTo(first.get("conversationId"));
        assertThat(first.get("created")).isEqualTo(true);
        assertThat(second.get("created")).isEqualTo(false);
        assertThat(first.get("members")).isEqualTo(java.util.List.of(alice.address(), bob.address()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
            first.get("conversationId"))).isEqualTo(1);
    }

    @Test
    void a_started_conversation_reads_back_with_its_members_and_their_marks() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);

        eventually(() -> get(bob, "/api/conversations/" + id).exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.conversationId").isEqualTo(id)
            .jsonPath("$.kind").isEqualTo("direct")
            .jsonPath("$.startedBy").isEqualTo(alice.address())
            .jsonPath("$.members[0].address").isEqualTo(alice.address())
            .jsonPath("$.members[1].address").isEqualTo(bob.address())
            .jsonPath("$.members[1].readSeq").isEqualTo(0)
            .jsonPath("$.lastSeq").isEqualTo(0)
            .jsonPath("$.lastPosition").isEqualTo(0));
    }

    @Test
    void an_outsider_cannot_tell_a_conversation_they_are_not_in_from_one_that_does_not_exist() {
        Person alice = signedIn();
        Person bob = signedIn();
        Person eve = signedIn();
        String id = start(alice, bob);
        eventually(() -> get(alice, "/api/conversations/" + id).exchange().expectStatus().isOk());

        Map<?, ?> existing = get(eve, "/api/conversations/" + id).exchange()
            .expectStatus().isNotFound().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> missing = get(eve, "/api/conversations/conversation:00000000-0000-0000-0000-000000000000").exchange()
            .expectStatus().isNotFound().expectBody(Map.class).returnResult().getResponseBody();
        get(eve, "/api/conversations/not-an-id").exchange()
            .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("conversation-not-found");

        assertThat(existing.get("code")).isEqualTo("conversation-not-found");
        assertThat(existing.get("detail")).isEqualTo(missing.get("detail"));
        get(eve, messages(id)).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("conversation-not-found");
    }

    @Test
    void starting_a_conversation_with_yourself_is_refused_and_stores_nothing() {
        Person alice = signedIn();
        long before = storedEvents();

        post(alice, "/api/conversations").bodyValue(Map.of("peer", alice.address())).exchange()
            .expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.code").isEqualTo("cannot-converse-with-self");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_peer_that_is_not_an_address_is_refused_and_stores_nothing() {
        Person alice = signedIn();
        String badChecksum = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"; // EIP-55's example with one letter's case changed
        long before = storedEvents();

        for (String peer : new String[] {"0x123", "not an address", badChecksum}) {
            post(alice, "/api/conversations").bodyValue(Map.of("peer", peer)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-address");
        }
        post(alice, "/api/conversations").bodyValue(Map.of()).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        post(alice, "/api/conversations").bodyValue("{\"peer\": ").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void the_conversation_api_needs_a_session() {
        http.get().uri("/api/conversations").exchange()
            .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("not-signed-in");
    }
}
