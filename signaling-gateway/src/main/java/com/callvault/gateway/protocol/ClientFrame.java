package com.callvault.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * A frame a client sends: a JSON object whose {@code type} names it. Requests carry an {@code id} the
 * answer ({@code ack} or {@code error}) repeats. The catalogue with examples is docs/protocol/asyncapi.yaml.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientFrame.Send.class, name = "send"),
    @JsonSubTypes.Type(value = ClientFrame.Edit.class, name = "edit"),
    @JsonSubTypes.Type(value = ClientFrame.Delete.class, name = "delete"),
    @JsonSubTypes.Type(value = ClientFrame.Receipt.class, name = "receipt"),
    @JsonSubTypes.Type(value = ClientFrame.Typing.class, name = "typing"),
    @JsonSubTypes.Type(value = ClientFrame.Sync.class, name = "sync"),
    @JsonSubTypes.Type(value = ClientFrame.Ping.class, name = "ping")
})
public sealed interface ClientFrame {

    /** The request id the answer repeats; optional for {@code typing}. */
    String id();

    record Send(String id, String conversationId, String clientMessageId, String body, List<String> attachments) implements ClientFrame {
    }

    record Edit(String id, String conversationId, Long seq, String body) implements ClientFrame {
    }

    record Delete(String id, String conversationId, Long seq) implements ClientFrame {
    }

    /** {@code kind}: {@code delivered} or {@code read}. */
    record Receipt(String id, String conversationId, String kind, Long upToSeq) implements ClientFrame {
    }

    record Typing(String id, String conversationId, Boolean active) implements ClientFrame {
    }

    /** The last position the client holds per conversation; the server answers with everything newer, then {@code synced}. */
    record Sync(String id, Map<String, Long> conversations) implements ClientFrame {
    }

    record Ping(String id) implements ClientFrame {
    }
}
