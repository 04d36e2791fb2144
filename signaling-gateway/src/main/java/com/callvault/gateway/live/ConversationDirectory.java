package com.callvault.gateway.live;

import com.callvault.gateway.protocol.ServerFrame;
import java.util.List;
import reactor.core.publisher.Mono;

/** What a live connection needs to know about conversations, answered by the read side. */
public interface ConversationDirectory {

    /** The members (EIP-55) of a conversation {@code address} belongs to; empty when it does not exist or they are not a member. */
    Mono<List<String>> members(String conversationId, String address);

    /** Changes after {@code afterPosition} as frames in position order; empty when the address is not a member. */
    Mono<SyncBatch> changesSince(String conversationId, String address, long afterPosition, int limit);

    /** @param lastPosition the conversation's position the frames bring the client to */
    record SyncBatch(List<ServerFrame> frames, long lastPosition, boolean limited) {
    }
}
