package com.callvault.projection.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.messaging.AttachmentRef;
import com.callvault.api.messaging.MessageDeleted;
import com.callvault.api.messaging.MessageEdited;
import com.callvault.api.messaging.MessageSent;
import com.callvault.api.messaging.MessagesRead;
import com.callvault.projection.changes.ChangeFolding.Stored;
import com.callvault.query.changes.ConversationChange;
import com.callvault.query.changes.ConversationChanges;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeFoldingTest {

    static final String C = "conversation:00000000-0000-3000-8000-000000000000";
    static final String ALICE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    static final String BOB = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    static final AttachmentRef PHOTO = new AttachmentRef("att_1", "a.jpg", "image/jpeg", 10, "ab".repeat(32));

    static Stored sent(long position, long seq, String body) {
        return new Stored(position, new MessageSent(C, seq, "c" + seq, ALICE, body, List.of(PHOTO), T));
    }

    @Test
    void a_message_sent_and_deleted_inside_the_window_arrives_once_without_its_body_or_attachments() {
        ConversationChanges changes = ChangeFolding.fold(List.of(ALICE, BOB),
            List.of(sent(3, 2, "secret"), new Stored(4, new MessageEdited(C, 2, ALICE, "still secret", T)),
                new Stored(5, new MessageDeleted(C, 2, ALICE, T))), 2, 10);

        assertThat(changes.changes()).singleElement().isInstanceOfSatisfying(ConversationChange.Message.class, m -> {
            assertThat(m.position()).isEqualTo(5);
            assertThat(m.body()).isNull();
            assertThat(m.attachments()).isEmpty();
            assertThat(m.deletedAt()).isEqualTo(T);
        });
        assertThat(changes.lastPosition()).isEqualTo(5);
    }

    @Test
    void changes_to_older_messages_and_receipts_come_as_such_in_position_order() {
        ConversationChanges changes = ChangeFolding.fold(List.of(ALICE, BOB),
            List.of(new Stored(3, new MessageEdited(C, 1, ALICE, "edited", T)), sent(4, 2, "new"),
                new Stored(5, new MessagesRead(C, BOB, 2, T)), new Stored(6, new MessageDeleted(C, 1, ALICE, T))), 2, 10);

        assertThat(changes.changes()).extracting(ConversationChange::position).containsExactly(3L, 4L, 5L, 6L);
        assertThat(changes.changes()).map(Object::getClass).map(Class::getSimpleName)
            .containsExactly("Edited", "Message", "Receipt", "Deleted");
    }

    @Test
    void more_changes_than_the_limit_are_cut_and_marked_limited() {
        ConversationChanges changes = ChangeFolding.fold(List.of(ALICE, BOB),
            List.of(sent(1, 1, "a"), sent(2, 2, "b"), sent(3, 3, "c")), 0, 2);

        assertThat(changes.limited()).isTrue();
        assertThat(changes.changes()).hasSize(2);
        assertThat(changes.lastPosition()).isEqualTo(2);
    }
}
