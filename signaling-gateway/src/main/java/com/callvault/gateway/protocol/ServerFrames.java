package com.callvault.gateway.protocol;

import com.callvault.api.messaging.AttachmentRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The server's frames. Conversation changes carry {@code position}, the conversation's sync cursor. */
public final class ServerFrames {

    private ServerFrames() {
    }

    /** First frame of a connection: who is connected, as which device (the id calls use), and how often the server pings. */
    public record Hello(String address, String sessionId, String device, int heartbeatSeconds, int protocolVersion) implements ServerFrame {
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

    /**
     * The answer to a call request ({@code call.invite}, {@code call.accept}, {@code call.decline}, {@code call.hangup},
     * {@code call.connected}, {@code call.ice-failed}): the call after it. {@code changed} is false for a repeat.
     */
    public record CallStatusFrame(String id, String callId, String state, String media, String caller, String callee,
                                  String callerDevice, String calleeDevice, String endReason, String endedBy, boolean changed)
        implements ServerFrame {
    }

    /** The answer to {@code call.quality}: the sample's MOS estimate, whether it is poor, and whether it was kept. */
    public record CallScoredFrame(String id, String callId, double mos, boolean poor, boolean recorded) implements ServerFrame {
    }

    /** Someone calls you: sent to each of your devices that rings. Accept, decline, or let it ring out. */
    public record CallIncomingFrame(String callId, String caller, String media, Instant ringsUntil) implements ServerFrame {
    }

    /**
     * To the caller: the call rings on {@code devices} more of the callee's devices. {@code devices} 0 with
     * {@code pushSent} true: no device of the callee is online, a push was sent to wake one, and the call rings on.
     */
    public record CallRingingFrame(String callId, String callee, int devices, Boolean pushSent) implements ServerFrame {
    }

    /** The callee answered on {@code device}: to the caller's device and the accepting device. Start or answer the offer. */
    public record CallAcceptedFrame(String callId, String device, Instant acceptedAt) implements ServerFrame {
    }

    /** Media flows (the first connected report); {@code relayed} when a TURN relay carries it. */
    public record CallConnectedFrame(String callId, boolean relayed, Instant connectedAt) implements ServerFrame {
    }

    /** The other participant's connection to the server dropped; the call ends at {@code graceUntil} unless it comes back. */
    public record CallPeerDisconnectedFrame(String callId, String participant, Instant graceUntil) implements ServerFrame {
    }

    public record CallPeerReconnectedFrame(String callId, String participant) implements ServerFrame {
    }

    /**
     * The call is over for this device. {@code reason} is an end reason wire name ({@code answered-elsewhere} for the
     * callee's devices that rang while another one accepted); {@code pushSent} comes with {@code peer-offline};
     * {@code keptCallId} with {@code glare-replaced}: the call between the same two people that goes on.
     */
    public record CallEndedFrame(String callId, String reason, String endedBy, Boolean pushSent, String keptCallId, Instant endedAt)
        implements ServerFrame {
    }

    /** A relayed WebRTC signal from the other participant ({@code from}); see {@code call.signal} from clients. */
    public record CallSignalFrame(String callId, String from, String kind, String sdp, String candidate, String sdpMid,
                                  Integer sdpMLineIndex, String usernameFragment) implements ServerFrame {
    }
}
