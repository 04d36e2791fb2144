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
    @JsonSubTypes.Type(value = ClientFrame.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientFrame.CallInvite.class, name = "call.invite"),
    @JsonSubTypes.Type(value = ClientFrame.CallAccept.class, name = "call.accept"),
    @JsonSubTypes.Type(value = ClientFrame.CallDecline.class, name = "call.decline"),
    @JsonSubTypes.Type(value = ClientFrame.CallHangup.class, name = "call.hangup"),
    @JsonSubTypes.Type(value = ClientFrame.CallSignal.class, name = "call.signal"),
    @JsonSubTypes.Type(value = ClientFrame.ReportConnected.class, name = "call.connected"),
    @JsonSubTypes.Type(value = ClientFrame.ReportQuality.class, name = "call.quality"),
    @JsonSubTypes.Type(value = ClientFrame.ReportIceFailed.class, name = "call.ice-failed")
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

    /** A frame about one call. */
    sealed interface CallFrame extends ClientFrame {
        String callId();
    }

    /**
     * Places a call. {@code callId} is optional: a client that sends its own ({@code call:<uuid v7>}) can retry the
     * invite safely; {@code media} is {@code audio} or {@code video}.
     */
    record CallInvite(String id, String callId, String callee, String media, Integer ringTimeoutSeconds) implements CallFrame {
    }

    record CallAccept(String id, String callId) implements CallFrame {
    }

    record CallDecline(String id, String callId) implements CallFrame {
    }

    /** Ends the call: before an answer, the caller's hang-up cancels it and the callee's declines it. */
    record CallHangup(String id, String callId) implements CallFrame {
    }

    /**
     * WebRTC signaling, relayed to the other participant's device and never stored. {@code kind}: {@code offer} or
     * {@code answer} (with {@code sdp}), {@code candidate} (with {@code candidate}, {@code sdpMid},
     * {@code sdpMLineIndex}, {@code usernameFragment}) or {@code end-of-candidates}. No answer unless it fails.
     */
    record CallSignal(String id, String callId, String kind, String sdp, String candidate, String sdpMid, Integer sdpMLineIndex,
                      String usernameFragment) implements CallFrame {
    }

    /** Media connected on this device: time to connect and the selected candidate pair. */
    record ReportConnected(String id, String callId, Long timeToConnectMs, String localCandidateType, String remoteCandidateType,
                           String protocol) implements CallFrame {
    }

    /** A periodic quality sample from WebRTC stats. */
    record ReportQuality(String id, String callId, Double rttMs, Double jitterMs, Double lossPercent, Double bitrateKbps)
        implements CallFrame {
    }

    /** ICE failed for good on this device, with the candidate types it had gathered. */
    record ReportIceFailed(String id, String callId, List<String> gatheredCandidateTypes) implements CallFrame {
    }
}
