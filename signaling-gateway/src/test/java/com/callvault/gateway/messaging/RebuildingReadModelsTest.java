package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conversation read models are built from events alone: a reset rebuilds them from scratch, and events
 * delivered again over rows that already have them (a token moved back) change nothing.
 */
class RebuildingReadModelsTest extends MessagingIntegrationTest {

    private static final List<String> PROCESSORS = List.of("conversation-read-models");

    @Autowired EventProcessingConfiguration processing;

    private Person alice;
    private Person bob;
    private String id;

    @BeforeEach
    void aConversationWithEveryKindOfEvent() {
        alice = signedIn();
        bob = signedIn();
        id = start(alice, bob);
        send(alice, id, "a1", "one");
        send(bob, id, "b1", "two");
        send(alice, id, "a2", "three");
        patch(alice, messages(id) + "/1").bodyValue(Map.of("body", "one, edited")).exchange().expectStatus().isOk();
        delete(bob, messages(id) + "/2").exchange().expectStatus().isNoContent();
        post(bob, "/api/conversations/" + id + "/receipts").bodyValue(Map.of("kind", "delivered", "upToSeq", 3)).exchange().expectStatus().isOk();
        post(bob, "/api/conversations/" + id + "/receipts").bodyValue(Map.of("kind", "read", "upToSeq", 1)).exchange().expectStatus().isOk();
        eventually(this::assertReadModels);
    }

    @Test
    void a_reset_of_the_processor_rebuilds_the_timeline_and_the_inbox() {
        for (String name : PROCESSORS) {
            TrackingEventProcessor processor = processor(name);
            processor.shutDown();
            processor.resetTokens();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_message", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox_member", Long.class)).isZero();
        PROCESSORS.forEach(name -> processor(name).start());

        eventually(this::assertReadModels);
    }

    @Test
    void events_delivered_again_over_existing_rows_change_nothing() {
        long beforeTheConversation = jdbc.queryForObject(
            "SELECT min(global_index) - 1 FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        for (String name : PROCESSORS) {
            TrackingEventProcessor processor = processor(name);
            processor.shutDown();
            // move the token back without a reset: the JDBC store's token is {"index":…,"gaps":[…]} as JSON
            jdbc.update("UPDATE token_entry SET token = convert_to(?, 'UTF8') WHERE processor_name = ?",
                "{\"index\":" + beforeTheConversation + ",\"gaps\":[]}", name);
            processor.start();
        }
        // a new message after the replayed ones: once it shows, everything before it was applied again
        send(alice, id, "a3", "four");

        eventually(() -> {
            assertThat(seqs(page(alice, messages(id)))).containsExactly(4L, 3L, 2L, 1L);
            assertThat(unread(bob)).isEqualTo(2); // 3 and 4; not counted twice
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox_unread WHERE conversation_id = ?", Long.class, id)).isEqualTo(2);
    }

    private void assertReadModels() {
        List<Map<String, Object>> timeline = page(bob, messages(id));
        assertThat(seqs(timeline)).containsExactly(3L, 2L, 1L);
        assertThat(timeline.get(2)).containsEntry("body", "one, edited").containsEntry("lastPosition", 4);
        assertThat(timeline.get(1)).containsEntry("body", null).containsEntry("lastPosition", 5);
        assertThat(unread(bob)).isEqualTo(1); // message 3: 1 is read, 2 is bob's own
        assertThat(unread(alice)).isEqualTo(0); // bob's only message is deleted
        get(alice, "/api/conversations/" + id).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.lastPosition").isEqualTo(7)
            .jsonPath("$.members[1].deliveredSeq").isEqualTo(3)
            .jsonPath("$.members[1].deliveredPosition").isEqualTo(6)
            .jsonPath("$.members[1].readSeq").isEqualTo(1)
            .jsonPath("$.members[1].readPosition").isEqualTo(7);
    }

    @SuppressWarnings("unchecked")
    private long unread(Person who) {
        Map<?, ?> inbox = get(who, "/api/conversations").exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) inbox.get("conversations")).stream()
            .filter(e -> id.equals(e.get("conversationId")))
            .mapToLong(e -> ((Number) e.get("unread")).longValue())
            .findFirst().orElseThrow(() -> new AssertionError("the conversation is not in the inbox (yet)"));
    }

    private TrackingEventProcessor processor(String name) {
        return processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
    }
}
