package com.callvault.projection.messaging;

import com.callvault.query.messaging.ChangesSince;
import com.callvault.query.messaging.FindChangesSince;
import com.callvault.query.messaging.MemberView;
import com.callvault.query.messaging.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a reconnecting client missed: messages changed after a position (from the timeline, whose
 * conversation position is the cursor the answer brings the client to) and the receipt marks (from the inbox;
 * they are current values that only move forward, so it does not matter if that read model is a little
 * ahead or behind).
 */
@Component
class SyncQueries {

    private static final String CHANGED = TimelineRows.MEMBER_MESSAGES.formatted("m.last_position > :after ORDER BY m.last_position")
        + " ORDER BY m.last_position";

    private static final String RECEIPTS = """
        SELECT address, delivered_seq, delivered_position, read_seq, read_position
          FROM inbox_member WHERE conversation_id = :id ORDER BY ord
        """;

    private record Fetched(long lastPosition, MessageView message) {
    }

    private final DatabaseClient db;

    SyncQueries(DatabaseClient db) {
        this.db = db;
    }

    @QueryHandler
    CompletableFuture<ChangesSince> handle(FindChangesSince query) {
        Mono<List<Fetched>> changed = db.sql(CHANGED)
            .bind("id", query.conversationId())
            .bind("member", Sql.lowerCase(query.address()))
            .bind("after", query.afterPosition())
            .bind("fetch", query.limit() + 1)
            .map((row, meta) -> new Fetched(row.get("conversation_last_position", Long.class), TimelineRows.message(row)))
            .all()
            .collectList();
        Mono<List<MemberView>> receipts = db.sql(RECEIPTS)
            .bind("id", query.conversationId())
            .map((row, meta) -> InboxQueries.member(row, ""))
            .all()
            .collectList();
        return Mono.zip(changed, receipts)
            .mapNotNull(both -> both.getT1().isEmpty() ? null : changes(query, both.getT1(), both.getT2()))
            .toFuture();
    }

    private static ChangesSince changes(FindChangesSince query, List<Fetched> rows, List<MemberView> receipts) {
        List<MessageView> messages = new ArrayList<>(rows.stream().map(Fetched::message).filter(Objects::nonNull).toList());
        boolean limited = messages.size() > query.limit();
        if (limited) {
            messages.removeLast();
        }
        return new ChangesSince(messages, receipts, rows.getFirst().lastPosition(), limited);
    }
}
