package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A conversation of seven messages, paged back (newest first) and forward (oldest first). */
class PagingTheTimelineTest extends MessagingIntegrationTest {

    private Person alice;
    private String id;

    @BeforeEach
    void sevenMessages() {
        alice = signedIn();
        Person bob = signedIn();
        id = start(alice, bob);
        for (int i = 1; i <= 7; i++) {
            send(i % 2 == 0 ? bob : alice, id, "m" + i, "message " + i);
        }
        eventually(() -> assertThat(page(alice, messages(id) + "?limit=1")).extracting(m -> m.get("seq")).containsExactly(7));
    }

    @Test
    void scrolling_back_gives_pages_newest_first_until_the_first_message() {
        assertPage(messages(id) + "?limit=3", "[7, 6, 5]", true, false);
        assertPage(messages(id) + "?before=5&limit=3", "[4, 3, 2]", true, true);
        assertPage(messages(id) + "?before=2&limit=3", "[1]", false, true);
        assertPage(messages(id) + "?before=1", "[]", false, true);
        assertPage(messages(id) + "?before=100", "[7, 6, 5, 4, 3, 2, 1]", false, false);
    }

    @Test
    void catching_up_gives_pages_oldest_first_until_the_last_message() {
        assertPage(messages(id) + "?after=0&limit=3", "[1, 2, 3]", false, true);
        assertPage(messages(id) + "?after=3&limit=3", "[4, 5, 6]", true, true);
        assertPage(messages(id) + "?after=6&limit=3", "[7]", true, false);
        assertPage(messages(id) + "?after=7", "[]", true, false);
        assertPage(messages(id) + "?after=99", "[]", true, false);
    }

    @Test
    void the_default_page_is_the_newest_fifty_and_the_largest_two_hundred() {
        assertPage(messages(id), "[7, 6, 5, 4, 3, 2, 1]", false, false);
        assertPage(messages(id) + "?limit=200", "[7, 6, 5, 4, 3, 2, 1]", false, false);
    }

    @Test
    void cursors_and_limits_that_make_no_sense_are_refused_with_their_code() {
        for (String query : new String[] {"before=abc", "after=-1", "before=1.5", "after=", "before=3&after=1",
            "before=99999999999999999999"}) {
            get(alice, messages(id) + "?" + query).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-cursor");
        }
        for (String query : new String[] {"limit=0", "limit=201", "limit=ten", "limit=-5"}) {
            get(alice, messages(id) + "?" + query).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-limit");
        }
    }

    private void assertPage(String uri, String seqs, boolean hasMoreBefore, boolean hasMoreAfter) {
        Map<?, ?> body = get(alice, uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        var messages = (java.util.List<Map<String, Object>>) body.get("messages");
        assertThat(seqs(messages)).as(uri).hasToString(seqs);
        assertThat(body.get("hasMoreBefore")).as(uri + " hasMoreBefore").isEqualTo(hasMoreBefore);
        assertThat(body.get("hasMoreAfter")).as(uri + " hasMoreAfter").isEqualTo(hasMoreAfter);
    }
}
