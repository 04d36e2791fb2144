package com.callvault.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame the server sends over WebSocket (and RSocket): a JSON object whose {@code type} names it.
 * The catalogue with examples is docs/protocol/asyncapi.yaml.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerFrames.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ServerFrames.ConversationFrame.class, name = "conversation"),
    @JsonSubTypes.Type(value = ServerFrames.MessageFrame.class, name = "message"),
    @JsonSubTypes.Type(value = ServerFrames.MessageEditedFrame.class, name = "message.edited"),
    @JsonSubTypes.Type(value = ServerFrames.MessageDeletedFrame.class, name = "message.deleted"),
    @JsonSubTypes.Type(value = ServerFrames.ReceiptFrame.class, name = "receipt"),
    @JsonSubTypes.Type(value = ServerFrames.TypingFrame.class, name = "typing"),
    @JsonSubTypes.Type(value = ServerFrames.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ServerFrames.Synced.class, name = "synced"),
    @JsonSubTypes.Type(value = ServerFrames.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerFrames.ErrorFrame.class, name = "error"),
    @JsonSubTypes.Type(value = ServerFrames.CallStatusFrame.class, name = "call.status"),
    @JsonSubTypes.Type(value = ServerFrames.CallScoredFrame.class, name = "call.scored"),
    @JsonSubTypes.Type(value = ServerFrames.CallIncomingFrame.class, name = "call.incoming"),
    @JsonSubTypes.Type(value = ServerFrames.CallRingingFrame.class, name = "call.ringing"),
    @JsonSubTypes.Type(value = ServerFrames.CallAcceptedFrame.class, name = "call.accepted"),
    @JsonSubTypes.Type(value = ServerFrames.CallConnectedFrame.class, name = "call.connected"),
    @JsonSubTypes.Type(value = ServerFrames.CallPeerDisconnectedFrame.class, name = "call.peer-disconnected"),
    @JsonSubTypes.Type(value = ServerFrames.CallPeerReconnectedFrame.class, name = "call.peer-reconnected"),
    @JsonSubTypes.Type(value = ServerFrames.CallEndedFrame.class, name = "call.ended"),
    @JsonSubTypes.Type(value = ServerFrames.CallSignalFrame.class, name = "call.signal")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerFrame permits ServerFrames.Hello, ServerFrames.ConversationFrame, ServerFrames.MessageFrame,
    ServerFrames.MessageEditedFrame, ServerFrames.MessageDeletedFrame, ServerFrames.ReceiptFrame, ServerFrames.TypingFrame,
    ServerFrames.Ack, ServerFrames.Synced, ServerFrames.Pong, ServerFrames.ErrorFrame, ServerFrames.CallStatusFrame,
    ServerFrames.CallScoredFrame, ServerFrames.CallIncomingFrame, ServerFrames.CallRingingFrame, ServerFrames.CallAcceptedFrame,
    ServerFrames.CallConnectedFrame, ServerFrames.CallPeerDisconnectedFrame, ServerFrames.CallPeerReconnectedFrame,
    ServerFrames.CallEndedFrame, ServerFrames.CallSignalFrame {
}
