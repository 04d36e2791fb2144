package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.SendMessage;
import com.callvault.query.messaging.AttachmentView;
import com.callvault.query.messaging.ChangesSince;
import com.callvault.query.messaging.FindAttachmentAccess;
import com.callvault.query.messaging.FindChangesSince;
import com.callvault.query.messaging.MessageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The queries the WebSocket sync and attachment downloads ask, answered by the same read models. */
class SyncAndAttachmentQueriesTest extends MessagingIntegrationTest {

    private static final AttachmentRef PHOTO = new AttachmentRef("att-photo-1", "beach \"2026\".jpg", "image/jpeg", 123_456, "ab".repeat(32));
    private static final AttachmentRef NOTE = new AttachmentRef("att-note-1", "note.txt", "text/plain", 12, "cd".repeat(32));

    @Autowired CommandGateway commands;
    @Autowired QueryGateway queries;

    @Test
    void a_sync_after_a_position_answers_what_changed_since_in_position_order_with_the_receipts() {
        Person alice = signedIn();
        Person bob = signedIn();
        String id = start(alice, bob);
        send(alice, id, "a1", "one");                                                    // position 1
        send(bob, id, "b1", "two");                                                      // 2
        send(alice, id, "a2", "three");                                                  // 3
        patch(alice, messages(id) + "/1").bodyValue(Map.of("body", "uno")).exchange().expectStatus().isOk(); // 4
        post(bob, "/api/conversations/" + id + "/receipts").bodyValue(Map.of("kind", "read", "upToSeq", 3)).exchange().expectStatus().isOk(); // 5

        eventually(() -> {
            ChangesSince changes = changes(id, bob, 2, 10).orElseThrow();
            assertThat(changes.messages()).extracting(MessageView::seq, MessageView::lastPosition, MessageView::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 3L, "three"), org.assertj.core.groups.Tuple.tuple(1L, 4L, "uno"));
            assertThat(changes.lastPosition()).isEqualTo(5);
            assertThat(changes.limited()).isFalse();
            assertThat(changes.resumePosition()).isEqualTo(5);
            assertThat(changes.receipts()).filteredOn(r -> r.address().equals(bob.address())).singleElement()
                .satisfies(r -> assertThat(r.readSeq()).isEqualTo(3));
        });
        ChangesSince limited = changes(id, bob, 0, 2).orElseThrow();
        assertThat(limited.messages()).extracting(MessageView::seq).containsExactly(2L, 3L);
        assertThat(limited.limited()).isTrue();
        assertThat(limited.resumePosition()).isEqualTo(3);
        assertThat(changes(id, signedIn(), 0, 10)).isEmpty();
    }

    @Test
    void members_may_fetch_attachments_of_live_messages_and_nobody_else_may() {
        Person alice = signedIn();
        Person bob = signedIn();
        Person eve = signedIn();
        String id = start(alice, bob);
        commands.sendAndWait(new SendMessage(ConversationId.parse(id), Address.of(alice.address()), "p1", "look",
            List.of(PHOTO, NOTE), Instant.now()));

        eventually(() -> assertThat(page(bob, messages(id))).singleElement().satisfies(m -> assertThat(m.get("attachments")).isEqualTo(List.of(
            Map.of("attachmentId", PHOTO.attachmentId(), "name", PHOTO.name(), "contentType", PHOTO.contentType(), "size", 123_456,
                "sha256", PHOTO.sha256()),
            Map.of("attachmentId", NOTE.attachmentId(), "name", NOTE.name(), "contentType", NOTE.contentType(), "size", 12,
                "sha256", NOTE.sha256())))));
        assertThat(changes(id, alice, 0, 10).orElseThrow().messages().getFirst().attachments())
            .containsExactly(view(PHOTO), view(NOTE));
        assertThat(mayFetch(PHOTO, bob)).isTrue();
        assertThat(mayFetch(NOTE, alice)).isTrue();
        assertThat(mayFetch(PHOTO, eve)).isFalse();
        assertThat(mayFetch(new AttachmentRef("att-unknown", "x", "text/plain", 1, "00"), alice)).isFalse();

        delete(alice, messages(id) + "/1").exchange().expectStatus().isNoContent();

        eventually(() -> assertThat(mayFetch(PHOTO, bob)).isFalse());
        assertThat(page(bob, messages(id)).getFirst()).containsEntry("attachments", List.of());
    }

    private Optional<ChangesSince> changes(String id, Person who, long afterPosition, int limit) {
        return queries.query(new FindChangesSince(id, who.address(), afterPosition, limit),
            ResponseTypes.optionalInstanceOf(ChangesSince.class)).join();
    }

    private boolean mayFetch(AttachmentRef attachment, Person who) {
        return queries.query(new FindAttachmentAccess(attachment.attachmentId(), who.address()), Boolean.class).join();
    }

    private static AttachmentView view(AttachmentRef ref) {
        return new AttachmentView(ref.attachmentId(), ref.name(), ref.contentType(), ref.size(), ref.sha256());
    }
}
