package com.callvault.gateway.protocol;

import com.callvault.api.messaging.AttachmentRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The server's frames. Conversation changes carry {@code position}, the conversation's sync cursor. */
public final class ServerFrames {

    private ServerFrames() {
    }

    /** First frame of a connection: who is connected and how often the server pings. */
    public record Hello(String address, String sessionId, int heartbeatSeconds, int protocolVersion) implements ServerFrame {
    }

    /** A conversation was started with you (position 0). */
    public record ConversationFrame(String conversationId, long position, List<String> members, String startedBy, Instant startedAt)
        implements ServerFrame {
    }

    /** A message, new or (in a sync) as it stands now: {@code body} null and {@code deletedAt} set once deleted. */
    public record MessageFrame(String conversationId, long position, long seq, String clientMessageId, String sender, String body,
                               List<AttachmentRef> attachments, Instant sentAt, Instant editedAt, Instant deletedAt)
        implements ServerFrame {
    }

    public record MessageEditedFrame(String conversationId, long position, long seq, String body, Instant editedAt) implements ServerFrame {
    }

    public record MessageDeletedFrame(String conversationId, long position, long seq, Instant deletedAt) implements ServerFrame {
    }

    /** {@code kind} is {@code delivered} or {@code read}. */
    public record ReceiptFrame(String conversationId, long position, String member, String kind, long upToSeq, Instant at)
        implements ServerFrame {
    }

    /** The peer started or stopped typing. Relayed, never stored. */
    public record TypingFrame(String conversationId, String from, boolean active) implements ServerFrame {
    }

    /** The answer to a client request {@code id}; the other fields depend on the request. */
    public record Ack(String id, String conversationId, Long seq, Long position, String clientMessageId, Instant sentAt,
                      Boolean duplicate, Boolean changed) implements ServerFrame {

        public static Ack of(String id) {
            return new Ack(id, null, null, null, null, null, null, null);
        }
    }

    /**
     * Sync done: everything up to these positions was sent; live traffic follows. Conversations in
     * {@code limited} had more changes than one sync sends: reload their timeline over HTTP, then sync again.
     */
    public record Synced(String id, Map<String, Long> conversations, List<String> limited) implements ServerFrame {
    }

    public record Pong(String id) implements ServerFrame {
    }

    /** A request failed ({@code id} set) or the connection has a problem ({@code id} absent). */
    public record ErrorFrame(String id, String code, String message) implements ServerFrame {
    }
}
