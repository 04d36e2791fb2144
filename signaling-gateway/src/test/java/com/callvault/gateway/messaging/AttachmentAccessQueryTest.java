package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.SendMessage;
import com.callvault.query.messaging.FindAttachmentAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The query attachment downloads ask: only members of a conversation with a live message referencing it. */
class AttachmentAccessQueryTest extends MessagingIntegrationTest {

    private static final AttachmentRef PHOTO = new AttachmentRef("att-photo-1", "beach \"2026\".jpg", "image/jpeg", 123_456, "ab".repeat(32));
    private static final AttachmentRef NOTE = new AttachmentRef("att-note-1", "note.txt", "text/plain", 12, "cd".repeat(32));

    @Autowired CommandGateway commands;
    @Autowired QueryGateway queries;

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
        assertThat(mayFetch(PHOTO, bob)).isTrue();
        assertThat(mayFetch(NOTE, alice)).isTrue();
        assertThat(mayFetch(PHOTO, eve)).isFalse();
        assertThat(mayFetch(new AttachmentRef("att-unknown", "x", "text/plain", 1, "00"), alice)).isFalse();

        delete(alice, messages(id) + "/1").exchange().expectStatus().isNoContent();

        eventually(() -> assertThat(mayFetch(PHOTO, bob)).isFalse());
        assertThat(page(bob, messages(id)).getFirst()).containsEntry("attachments", List.of());
    }

    private boolean mayFetch(AttachmentRef attachment, Person who) {
        return queries.query(new FindAttachmentAccess(attachment.attachmentId(), who.address()), Boolean.class).join();
    }
}
