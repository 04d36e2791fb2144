package com.callvault.projection.messaging;

import java.util.List;

/**
 * The inbox projector's statements, in the order a batch runs them ({@link #ORDER}). That order is safe for
 * any mix of events: conversations exist before anything refers to them; new messages are unread and the
 * last message before an edit or a deletion looks at which message is last; receipts remove unread rows
 * after the messages they cover were added. Each statement is idempotent on its own.
 */
final class InboxSql {

    static final String STARTED = """
        WITH conversation AS (
            INSERT INTO inbox_conversation (conversation_id, kind, started_by, started_at, last_position, activity_at)
            VALUES (:id, :kind, :startedBy, :startedAt, :position, :startedAt)
            ON CONFLICT DO NOTHING
            RETURNING conversation_id)
        INSERT INTO inbox_member (conversation_id, member, address, ord)
        SELECT c.conversation_id, lower(m.address), m.address, m.ord
          FROM conversation c, unnest(CAST(:members AS text[])) WITH ORDINALITY AS m(address, ord)
        ON CONFLICT DO NOTHING
        """;

    /** Unread for every other member who has not read past it (so a replay does not bring back read messages). */
    static final String UNREAD = """
        INSERT INTO inbox_unread (conversation_id, member, seq)
        SELECT conversation_id, member, :seq FROM inbox_member
         WHERE conversation_id = :id AND member <> :senderKey AND read_seq < :seq
        ON CONFLICT DO NOTHING
        """;

    static final String LAST_MESSAGE = """
        UPDATE inbox_conversation
           SET last_seq = :seq, last_sender = :sender, last_preview = :preview, last_sent_at = :sentAt,
               last_has_attachments = :hasAttachments, last_deleted = false, activity_at = :sentAt
         WHERE conversation_id = :id AND last_seq < :seq
        """;

    static final String EDITED = """
        UPDATE inbox_conversation SET last_preview = :preview
         WHERE conversation_id = :id AND last_seq = :seq AND NOT last_deleted
        """;

    /** A deleted message is unread for nobody; if it is the last one, its preview goes. */
    static final String DELETED = """
        WITH last_message AS (
            UPDATE inbox_conversation SET last_preview = NULL, last_has_attachments = false, last_deleted = true
             WHERE conversation_id = :id AND last_seq = :seq)
        DELETE FROM inbox_unread WHERE conversation_id = :id AND seq = :seq
        """;

    static final String DELIVERED = """
        UPDATE inbox_member SET delivered_seq = :upToSeq, delivered_position = :position
         WHERE conversation_id = :id AND member = :member AND delivered_seq < :upToSeq
        """;

    /** Reading implies delivery (as in the aggregate); what was read is no longer unread. */
    static final String READ = """
        WITH reader AS (
            UPDATE inbox_member
               SET read_seq = :upToSeq, read_position = :position,
                   delivered_position = CASE WHEN delivered_seq < :upToSeq THEN :position ELSE delivered_position END,
                   delivered_seq = GREATEST(delivered_seq, :upToSeq)
             WHERE conversation_id = :id AND member = :member AND read_seq < :upToSeq
            RETURNING member)
        DELETE FROM inbox_unread u USING reader r
         WHERE u.conversation_id = :id AND u.member = r.member AND u.seq <= :upToSeq
        """;

    static final String POSITION = """
        UPDATE inbox_conversation SET last_position = :position WHERE conversation_id = :id AND last_position < :position
        """;

    static final List<String> ORDER = List.of(STARTED, UNREAD, LAST_MESSAGE, EDITED, DELETED, DELIVERED, READ, POSITION);

    private InboxSql() {
    }
}
