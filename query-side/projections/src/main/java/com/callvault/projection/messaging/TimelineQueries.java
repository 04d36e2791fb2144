package com.callvault.projection.messaging;

import com.callvault.query.messaging.FindAttachmentAccess;
import com.callvault.query.messaging.FindMessages;
import com.callvault.query.messaging.MessagePage;
import com.callvault.query.messaging.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Pages of the timeline and attachment access, through R2DBC (one round trip each). Handlers return
 * {@link CompletableFuture}: Axon would block on a {@code Mono}, and that on a Netty event loop.
 */
@Component
class TimelineQueries {

    private static final String NEWEST_FIRST = TimelineRows.MEMBER_MESSAGES.formatted("m.seq < :cursor ORDER BY m.seq DESC")
        + " ORDER BY m.seq DESC";
    private static final String OLDEST_FIRST = TimelineRows.MEMBER_MESSAGES.formatted("m.seq > :cursor ORDER BY m.seq")
        + " ORDER BY m.seq";

    // the first condition is the partial index's, so the GIN index can answer the containment
    private static final String ATTACHMENT_ACCESS = """
        SELECT EXISTS (
            SELECT 1 FROM timeline_message m JOIN timeline_conversation c ON c.conversation_id = m.conversation_id
             WHERE m.attachments <> CAST('[]' AS jsonb)
               AND m.attachments @> jsonb_build_array(jsonb_build_object('attachmentId', CAST(:attachmentId AS text)))
               AND m.deleted_at IS NULL
               AND :member = ANY(c.members)) AS allowed
        """;

    private record Fetched(long lastSeq, MessageView message) {
    }

    private final DatabaseClient db;

    TimelineQueries(DatabaseClient db) {
        this.db = db;
    }

    @QueryHandler
    CompletableFuture<MessagePage> handle(FindMessages query) {
        long cursor = query.ascending() ? query.after() : query.before() == null ? Long.MAX_VALUE : query.before();
        return db.sql(query.ascending() ? OLDEST_FIRST : NEWEST_FIRST)
            .bind("id", query.conversationId())
            .bind("member", Sql.lowerCase(query.address()))
            .bind("cursor", cursor)
            .bind("fetch", query.limit() + 1) // one more than asked tells whether there is more that way
            .map((row, meta) -> new Fetched(row.get("conversation_last_seq", Long.class), TimelineRows.message(row)))
            .all()
            .collectList()
            .mapNotNull(rows -> rows.isEmpty() ? null : page(query, rows))
            .toFuture();
    }

    @QueryHandler
    CompletableFuture<Boolean> handle(FindAttachmentAccess query) {
        return db.sql(ATTACHMENT_ACCESS)
            .bind("attachmentId", query.attachmentId())
            .bind("member", Sql.lowerCase(query.address()))
            .map((row, meta) -> row.get("allowed", Boolean.class))
            .one()
            .toFuture();
    }

    private static MessagePage page(FindMessages query, List<Fetched> rows) {
        long lastSeq = rows.getFirst().lastSeq();
        List<MessageView> messages = new ArrayList<>(rows.stream().map(Fetched::message).filter(Objects::nonNull).toList());
        boolean more = messages.size() > query.limit();
        if (more) {
            messages.removeLast();
        }
        // numbers are gap-free, so what lies on the other side of the cursor follows from the last number
        if (query.ascending()) {
            return new MessagePage(messages, query.after() >= 1 && lastSeq >= 1, more);
        }
        return new MessagePage(messages, more, query.before() != null && lastSeq >= query.before());
    }
}
