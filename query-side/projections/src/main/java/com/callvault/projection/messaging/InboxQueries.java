package com.callvault.projection.messaging;

import com.callvault.query.messaging.ConversationView;
import com.callvault.query.messaging.FindConversation;
import com.callvault.query.messaging.FindInbox;
import com.callvault.query.messaging.InboxEntry;
import com.callvault.query.messaging.InboxView;
import com.callvault.query.messaging.LastMessage;
import com.callvault.query.messaging.MemberView;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The inbox and single conversations, through R2DBC, answering {@link CompletableFuture}s (see TimelineQueries). */
@Component
class InboxQueries {

    private static final String MARKS = "%1$saddress, %1$sdelivered_seq, %1$sdelivered_position, %1$sread_seq, %1$sread_position";

    private static final String INBOX = """
        SELECT c.*,
               (SELECT count(*) FROM inbox_unread u WHERE u.conversation_id = me.conversation_id AND u.member = me.member) AS unread,
               me.address AS me_address, me.delivered_seq AS me_delivered_seq, me.delivered_position AS me_delivered_position,
               me.read_seq AS me_read_seq, me.read_position AS me_read_position,
               p.address AS peer_address, p.delivered_seq AS peer_delivered_seq, p.delivered_position AS peer_delivered_position,
               p.read_seq AS peer_read_seq, p.read_position AS peer_read_position
          FROM inbox_member me
          JOIN inbox_conversation c ON c.conversation_id = me.conversation_id
          JOIN inbox_member p ON p.conversation_id = me.conversation_id AND p.member <> me.member
         WHERE me.member = :member
         ORDER BY c.activity_at DESC, c.conversation_id
        """;

    private static final String CONVERSATION = """
        SELECT c.*, %s
          FROM inbox_conversation c JOIN inbox_member m ON m.conversation_id = c.conversation_id
         WHERE c.conversation_id = :id
           AND EXISTS (SELECT 1 FROM inbox_member x WHERE x.conversation_id = :id AND x.member = :member)
         ORDER BY m.ord
        """.formatted(MARKS.formatted("m."));

    private record Row(ConversationView conversation, MemberView member) {
    }

    private final DatabaseClient db;

    InboxQueries(DatabaseClient db) {
        this.db = db;
    }

    @QueryHandler
    CompletableFuture<InboxView> handle(FindInbox query) {
        return db.sql(INBOX)
            .bind("member", Sql.lowerCase(query.address()))
            .map((row, meta) -> new InboxEntry(row.get("conversation_id", String.class), row.get("kind", String.class),
                member(row, "peer_"), member(row, "me_"), lastMessage(row), row.get("unread", Long.class),
                row.get("last_seq", Long.class), row.get("last_position", Long.class),
                Sql.instant(row.get("activity_at", OffsetDateTime.class))))
            .all()
            .collectList()
            .map(InboxView::new)
            .toFuture();
    }

    @QueryHandler
    CompletableFuture<ConversationView> handle(FindConversation query) {
        return db.sql(CONVERSATION)
            .bind("id", query.conversationId())
            .bind("member", Sql.lowerCase(query.address()))
            .map((row, meta) -> new Row(conversation(row, List.of()), member(row, "")))
            .all()
            .collectList()
            .mapNotNull(rows -> rows.isEmpty() ? null : conversation(rows))
            .toFuture();
    }

    /** The marks of a member; {@code prefix} tells whose columns in a row that holds several. */
    static MemberView member(Readable row, String prefix) {
        return new MemberView(row.get(prefix + "address", String.class),
            row.get(prefix + "delivered_seq", Long.class), row.get(prefix + "delivered_position", Long.class),
            row.get(prefix + "read_seq", Long.class), row.get(prefix + "read_position", Long.class));
    }

    private static ConversationView conversation(List<Row> rows) {
        ConversationView first = rows.getFirst().conversation();
        return new ConversationView(first.conversationId(), first.kind(), first.startedBy(), first.startedAt(),
            rows.stream().map(Row::member).toList(), first.lastSeq(), first.lastPosition());
    }

    private static ConversationView conversation(Readable row, List<MemberView> members) {
        return new ConversationView(row.get("conversation_id", String.class), row.get("kind", String.class),
            row.get("started_by", String.class), Sql.instant(row.get("started_at", OffsetDateTime.class)), members,
            row.get("last_seq", Long.class), row.get("last_position", Long.class));
    }

    private static LastMessage lastMessage(Readable row) {
        long seq = row.get("last_seq", Long.class);
        if (seq == 0) {
            return null;
        }
        return new LastMessage(seq, row.get("last_sender", String.class), row.get("last_preview", String.class),
            Sql.instant(row.get("last_sent_at", OffsetDateTime.class)), row.get("last_has_attachments", Boolean.class),
            row.get("last_deleted", Boolean.class));
    }
}
