package com.callvault.projection.changes;

import com.callvault.api.messaging.ConversationStarted;
import com.callvault.query.changes.ConversationChanges;
import com.callvault.query.changes.FindConversationChanges;
import com.callvault.query.changes.FindConversationMembers;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Catch-up straight from the event store: a conversation's events after a position, through the unique
 * (aggregate, sequence) index. No projection lag: a change is readable as soon as its command returned,
 * which is what a reconnecting client needs to never miss what was just sent.
 */
@Component
class ConversationChangeFeed {

    private static final String EVENTS = """
        SELECT sequence_number, payload_type, payload_revision, payload::text AS payload
          FROM domain_event_entry
         WHERE aggregate_identifier = :id AND sequence_number > :after
         ORDER BY sequence_number
         LIMIT :limit""";

    private final DatabaseClient db;
    private final Serializer serializer;

    ConversationChangeFeed(DatabaseClient db, @Qualifier("eventSerializer") Serializer serializer) {
        this.db = db;
        this.serializer = serializer;
    }

    @QueryHandler
    CompletableFuture<List<String>> handle(FindConversationMembers query) {
        return members(query.conversationId(), query.address()).defaultIfEmpty(List.of()).toFuture();
    }

    @QueryHandler
    CompletableFuture<ConversationChanges> handle(FindConversationChanges query) {
        int limit = Math.max(1, query.limit());
        return members(query.conversationId(), query.address())
            .flatMap(members -> events(query.conversationId(), Math.max(-1, query.afterPosition()), limit + 1)
                .collectList()
                .map(events -> ChangeFolding.fold(members, events, query.afterPosition(), limit)))
            .toFuture();
    }

    private Mono<List<String>> members(String conversationId, String address) {
        return events(conversationId, -1, 1).next()
            .filter(first -> first.event() instanceof ConversationStarted)
            .map(first -> ((ConversationStarted) first.event()).members())
            .filter(members -> members.stream().anyMatch(m -> m.equalsIgnoreCase(address.toLowerCase(Locale.ROOT))));
    }

    private reactor.core.publisher.Flux<ChangeFolding.Stored> events(String conversationId, long after, int limit) {
        return db.sql(EVENTS)
            .bind("id", conversationId)
            .bind("after", after)
            .bind("limit", limit)
            .map(row -> new ChangeFolding.Stored(row.get("sequence_number", Long.class), serializer.deserialize(new SimpleSerializedObject<>(
                row.get("payload", String.class), String.class, row.get("payload_type", String.class), row.get("payload_revision", String.class)))))
            .all();
    }
}
