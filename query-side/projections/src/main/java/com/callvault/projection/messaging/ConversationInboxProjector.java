package com.callvault.projection.messaging;

import com.callvault.api.messaging.ConversationEvent;
import com.callvault.api.messaging.ConversationStarted;
import com.callvault.api.messaging.MessageDeleted;
import com.callvault.api.messaging.MessageEdited;
import com.callvault.api.messaging.MessageSent;
import com.callvault.api.messaging.MessagesDelivered;
import com.callvault.api.messaging.MessagesRead;
import com.callvault.query.messaging.LastMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Builds the inbox: per conversation the last message and position, per member the receipt marks, and the
 * unread messages. Writes are batched per transaction ({@link BatchedWrites}) in the order of
 * {@link InboxSql#ORDER}, which says why that is safe.
 */
@Component
@ProcessingGroup(ConversationReadModels.PROCESSING_GROUP)
class ConversationInboxProjector {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    ConversationInboxProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, "inbox", InboxSql.ORDER);
    }

    @EventHandler
    void on(ConversationStarted event, @SequenceNumber long position) {
        writes.add(InboxSql.STARTED, at(event, position)
            .addValue("kind", event.kind())
            .addValue("startedBy", event.startedBy())
            .addValue("startedAt", Sql.timestamp(event.startedAt()))
            .addValue("members", event.members().toArray(String[]::new)));
    }

    @EventHandler
    void on(MessageSent event, @SequenceNumber long position) {
        writes.add(InboxSql.UNREAD, at(event, position).addValue("seq", event.seq()).addValue("senderKey", Sql.lowerCase(event.sender())));
        // only the newest message of a batch can be the last one
        writes.replace(InboxSql.LAST_MESSAGE, event.conversationId(), at(event, position)
            .addValue("seq", event.seq())
            .addValue("sender", event.sender())
            .addValue("preview", preview(event.body()))
            .addValue("sentAt", Sql.timestamp(event.sentAt()))
            .addValue("hasAttachments", !event.attachments().isEmpty()));
        moved(event, position);
    }

    @EventHandler
    void on(MessageEdited event, @SequenceNumber long position) {
        writes.add(InboxSql.EDITED, at(event, position).addValue("seq", event.seq()).addValue("preview", preview(event.body())));
        moved(event, position);
    }

    @EventHandler
    void on(MessageDeleted event, @SequenceNumber long position) {
        writes.add(InboxSql.DELETED, at(event, position).addValue("seq", event.seq()));
        moved(event, position);
    }

    @EventHandler
    void on(MessagesDelivered event, @SequenceNumber long position) {
        writes.add(InboxSql.DELIVERED, at(event, position).addValue("member", Sql.lowerCase(event.member())).addValue("upToSeq", event.upToSeq()));
        moved(event, position);
    }

    @EventHandler
    void on(MessagesRead event, @SequenceNumber long position) {
        writes.add(InboxSql.READ, at(event, position).addValue("member", Sql.lowerCase(event.member())).addValue("upToSeq", event.upToSeq()));
        moved(event, position);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE inbox_unread, inbox_member, inbox_conversation");
    }

    /** At most {@value LastMessage#PREVIEW_CHARS} UTF-16 units, never half a surrogate pair. */
    static String preview(String body) {
        if (body.length() <= LastMessage.PREVIEW_CHARS) {
            return body;
        }
        int end = LastMessage.PREVIEW_CHARS;
        return body.substring(0, Character.isHighSurrogate(body.charAt(end - 1)) ? end - 1 : end);
    }

    /** Only the conversation's latest position in a batch needs writing. */
    private void moved(ConversationEvent event, long position) {
        writes.replace(InboxSql.POSITION, event.conversationId(), at(event, position));
    }

    private static MapSqlParameterSource at(ConversationEvent event, long position) {
        return new MapSqlParameterSource("id", event.conversationId()).addValue("position", position);
    }
}
