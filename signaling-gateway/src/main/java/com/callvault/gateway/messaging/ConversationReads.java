package com.callvault.gateway.messaging;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ConversationId;
import com.callvault.query.messaging.ConversationView;
import com.callvault.query.messaging.FindConversation;
import com.callvault.query.messaging.FindInbox;
import com.callvault.query.messaging.FindMessages;
import com.callvault.query.messaging.InboxView;
import com.callvault.query.messaging.MessagePage;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The read side as {@link Mono}s; a conversation the caller cannot see is {@code conversation-not-found}. */
@Component
class ConversationReads {

    private final QueryGateway queries;

    ConversationReads(QueryGateway queries) {
        this.queries = queries;
    }

    Mono<InboxView> inbox(Address me) {
        return Mono.fromFuture(() -> queries.query(new FindInbox(me.value()), InboxView.class));
    }

    Mono<ConversationView> conversation(ConversationId id, Address me) {
        return visible(() -> queries.query(new FindConversation(id.value(), me.value()), ResponseTypes.optionalInstanceOf(ConversationView.class)));
    }

    Mono<MessagePage> messages(ConversationId id, Address me, Long before, Long after, int limit) {
        FindMessages query = new FindMessages(id.value(), me.value(), before, after, limit);
        return visible(() -> queries.query(query, ResponseTypes.optionalInstanceOf(MessagePage.class)));
    }

    private static <T> Mono<T> visible(Supplier<CompletableFuture<Optional<T>>> query) {
        return Mono.fromFuture(query)
            .flatMap(Mono::justOrEmpty)
            .switchIfEmpty(Mono.error(ConversationProblems::conversationNotFound));
    }
}
