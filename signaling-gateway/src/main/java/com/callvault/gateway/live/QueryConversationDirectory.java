package com.callvault.gateway.live;

import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames;
import com.callvault.query.changes.ConversationChange;
import com.callvault.query.changes.ConversationChanges;
import com.callvault.query.changes.FindConversationChanges;
import com.callvault.query.changes.FindConversationMembers;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The read side's answers, as frames. */
@Component
class QueryConversationDirectory implements ConversationDirectory {

    private final QueryGateway queries;

    QueryConversationDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Mono<List<String>> members(String conversationId, String address) {
        return Mono.fromFuture(() -> queries.query(new FindConversationMembers(conversationId, address),
            ResponseTypes.multipleInstancesOf(String.class)));
    }

    @Override
    public Mono<SyncBatch> changesSince(String conversationId, String address, long afterPosition, int limit) {
        return Mono.fromFuture(() -> queries.query(new FindConversationChanges(conversationId, address, afterPosition, limit),
                ResponseTypes.optionalInstanceOf(ConversationChanges.class)))
            .flatMap(Mono::justOrEmpty)
            .map(changes -> new SyncBatch(changes.changes().stream().map(change -> frame(conversationId, change)).toList(),
                changes.lastPosition(), changes.limited()));
    }

    static ServerFrame frame(String conversationId, ConversationChange change) {
        return switch (change) {
            case ConversationChange.Message m -> new ServerFrames.MessageFrame(conversationId, m.position(), m.seq(), m.clientMessageId(),
                m.sender(), m.body(), m.attachments(), m.sentAt(), m.editedAt(), m.deletedAt());
            case ConversationChange.Edited e -> new ServerFrames.MessageEditedFrame(conversationId, e.position(), e.seq(), e.body(), e.editedAt());
            case ConversationChange.Deleted d -> new ServerFrames.MessageDeletedFrame(conversationId, d.position(), d.seq(), d.deletedAt());
            case ConversationChange.Receipt r -> new ServerFrames.ReceiptFrame(conversationId, r.position(), r.member(), r.kind(), r.upToSeq(), r.at());
        };
    }
}
