package com.callvault.projection.messaging;

import com.callvault.query.messaging.MessageView;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;

/** Reads messages of the timeline: the shape every timeline query joins, and the view of one row. */
final class TimelineRows {

    /**
     * The conversation {@code c} if {@code :member} belongs to it, with up to {@code :fetch} of its messages
     * {@code m} chosen by {@code %s} (a condition and an order over {@code m}). No row at all means no such
     * conversation for this member; one row with a null {@code seq} means no message matched.
     */
    static final String MEMBER_MESSAGES = """
        SELECT last.seq AS conversation_last_seq, c.last_position AS conversation_last_position, m.*, att.*
          FROM timeline_conversation c
         CROSS JOIN LATERAL (SELECT coalesce(max(x.seq), 0) AS seq FROM timeline_message x
                              WHERE x.conversation_id = c.conversation_id) last
          LEFT JOIN LATERAL (SELECT * FROM timeline_message m
                              WHERE m.conversation_id = c.conversation_id AND %1$s LIMIT :fetch) m ON true
        """ + AttachmentsSql.SPLIT + """
         WHERE c.conversation_id = :id AND :member = ANY(c.members)
        """;

    private TimelineRows() {
    }

    /** The message of the row, or null when the row carries none. */
    static MessageView message(Readable row) {
        Long seq = row.get("seq", Long.class);
        if (seq == null) {
            return null;
        }
        return new MessageView(seq, row.get("position", Long.class), row.get("last_position", Long.class),
            row.get("client_message_id", String.class), row.get("sender", String.class), row.get("body", String.class),
            AttachmentsSql.read(row),
            Sql.instant(row.get("sent_at", OffsetDateTime.class)),
            Sql.instant(row.get("edited_at", OffsetDateTime.class)),
            Sql.instant(row.get("deleted_at", OffsetDateTime.class)));
    }
}
