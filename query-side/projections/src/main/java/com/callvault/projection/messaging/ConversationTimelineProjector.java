package com.callvault.projection.messaging;

import com.callvault.api.messaging.ConversationEvent;
import com.callvault.api.messaging.ConversationStarted;
import com.callvault.api.messaging.MessageDeleted;
import com.callvault.api.messaging.MessageEdited;
import com.callvault.api.messaging.MessageSent;
import com.callvault.api.messaging.MessagesDelivered;
import com.callvault.api.messaging.MessagesRead;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Builds the timeline: every message as it stands now, and each conversation's members and position.
 * Writes are batched per transaction ({@link BatchedWrites}) and run in this order, which is safe for any
 * mix of events: conversations, then new messages, then edits, then deletions (a message is always sent
 * before it is edited, and never edited once deleted), then positions. Each write is idempotent: inserts
 * skip existing rows, and updates apply only to a row whose {@code last_position} is older than the event.
 */
@Component
@ProcessingGroup(ConversationReadModels.PROCESSING_GROUP)
class ConversationTimelineProjector {

    private static final String STARTED = """
        INSERT INTO timeline_conversation (conversation_id, members, last_position)
        VALUES (:id, CAST(:members AS text[]), :position) ON CONFLICT DO NOTHING
        """;

    private static final String SENT = """
        INSERT INTO timeline_message (conversation_id, seq, position, last_position, client_message_id, sender, body, attachments, sent_at)
        VALUES (:id, :seq, :position, :position, :clientMessageId, :sender, :body, (%s), :sentAt)
        ON CONFLICT DO NOTHING
        """.formatted(AttachmentsSql.BUILD);

    private static final String EDITED = """
        UPDATE timeline_message SET body = :body, edited_at = :at, last_position = :position
         WHERE conversation_id = :id AND seq = :seq AND last_position < :position AND deleted_at IS NULL
        """;

    private static final String DELETED = """
        UPDATE timeline_message SET body = NULL, attachments = '[]', deleted_at = :at, last_position = :position
         WHERE conversation_id = :id AND seq = :seq AND last_position < :position AND deleted_at IS NULL
        """;

    private static final String POSITION = """
        UPDATE timeline_conversation SET last_position = :position WHERE conversation_id = :id AND last_position < :position
        """;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    ConversationTimelineProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, "timeline", List.of(STARTED, SENT, EDITED, DELETED, POSITION));
    }

    @EventHandler
    void on(ConversationStarted event, @SequenceNumber long position) {
        writes.add(STARTED, at(event, position).addValue("members", Sql.lowerCase(event.members())));
    }

    @EventHandler
    void on(MessageSent event, @SequenceNumber long position) {
        writes.add(SENT, AttachmentsSql.bind(event.attachments(), at(event, position))
            .addValue("seq", event.seq())
            .addValue("clientMessageId", event.clientMessageId())
            .addValue("sender", event.sender())
            .addValue("body", event.body())
            .addValue("sentAt", Sql.timestamp(event.sentAt())));
        moved(event, position);
    }

    @EventHandler
    void on(MessageEdited event, @SequenceNumber long position) {
        writes.add(EDITED, at(event, position)
            .addValue("seq", event.seq()).addValue("body", event.body()).addValue("at", Sql.timestamp(event.editedAt())));
        moved(event, position);
    }

    @EventHandler
    void on(MessageDeleted event, @SequenceNumber long position) {
        writes.add(DELETED, at(event, position).addValue("seq", event.seq()).addValue("at", Sql.timestamp(event.deletedAt())));
        moved(event, position);
    }

    // receipts change no message, but they too move the position a sync answers with
    @EventHandler
    void on(MessagesDelivered event, @SequenceNumber long position) {
        moved(event, position);
    }

    @EventHandler
    void on(MessagesRead event, @SequenceNumber long position) {
        moved(event, position);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE timeline_message, timeline_conversation");
    }

    /** Only the conversation's latest position in a batch needs writing. */
    private void moved(ConversationEvent event, long position) {
        writes.replace(POSITION, event.conversationId(), at(event, position));
    }

    private static MapSqlParameterSource at(ConversationEvent event, long position) {
        return new MapSqlParameterSource("id", event.conversationId()).addValue("position", position);
    }
}
