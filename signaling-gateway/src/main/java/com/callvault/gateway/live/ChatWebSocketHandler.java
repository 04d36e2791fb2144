package com.callvault.gateway.live;

import com.callvault.api.calls.CallLimits;
import com.callvault.api.identity.Address;
import com.callvault.gateway.auth.SignedInUser;
import com.callvault.gateway.calls.CallRequests;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.FrameCodec;
import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * {@code /ws}: the browser's one socket. Authenticated at the upgrade (session cookie or bearer header),
 * {@code Origin} checked against the public URL before it. Frames are JSON objects with a {@code type}
 * (docs/protocol/asyncapi.yaml). Requests about one conversation, or one call, are handled in the order they came.
 *
 * <p>A socket is one device: the id calls ring, answer and relay to. A tab names its own with {@code ?device=}
 * on the upgrade (kept across its reconnects, so a call survives a dropped socket); without one the server
 * makes one up. {@code hello} tells which.
 */
@Component
class ChatWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);
    /** The lane of frames about no conversation and no call. */
    private static final String CONTROL = "control";
    /** Answers a socket may await at once; beyond it a request's lane waits for its own answer (the socket reads on slower). */
    static final int ANSWERS_AWAITED = 64;

    private final LiveChannel live;
    private final ClientRequests requests;
    private final ConversationDirectory directory;
    private final FrameCodec codec;
    private final LiveSettings settings;
    private final CallRequests calls;
    private final HeartbeatSweep heartbeats;

    ChatWebSocketHandler(LiveChannel live, ClientRequests requests, CallRequests calls, ConversationDirectory directory, FrameCodec codec,
                         LiveSettings settings, HeartbeatSweep heartbeats) {
        this.heartbeats = heartbeats;
        this.live = live;
        this.requests = requests;
        this.calls = calls;
        this.directory = directory;
        this.codec = codec;
        this.settings = settings;
    }

    /**
     * Serves a socket opened by {@link LeanSocketUpgrade}: the user is the principal it resolved at the upgrade, and
     * the socket is read and written through Reactor Netty directly. Nothing keeps the Spring session: an idle socket
     * holds its connection, its lanes and its place in the live channel, and little else.
     */
    @Override
    public Mono<Void> handle(WebSocketSession session) {
        LeanSocketUpgrade.Session socket = (LeanSocketUpgrade.Session) session;
        WebsocketOutbound out = socket.outbound();
        if (!(session.getAttributes().get(LeanSocketUpgrade.PRINCIPAL) instanceof Authentication authentication
            && authentication.getPrincipal() instanceof SignedInUser user)) {
            return close(out, CloseStatus.POLICY_VIOLATION.withReason("not signed in"));
        }
        String device = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build().getQueryParams().getFirst("device");
        if (device != null && !CallLimits.DEVICE_ID.matcher(device).matches()) {
            ServerFrame error = new ServerFrames.ErrorFrame(null, "invalid-device-id", "\"device\" is 1-128 of A-Z a-z 0-9 . _ ~ : -");
            return out.sendObject(new TextWebSocketFrame(Unpooled.wrappedBuffer(codec.encodeBytes(error)))).then()
                .then(close(out, CloseStatus.POLICY_VIOLATION.withReason("invalid device id")));
        }
        return serve(socket.inbound(), out, user, device != null ? device : UUID.randomUUID().toString());
    }

    private Mono<Void> serve(WebsocketInbound in, WebsocketOutbound out, SignedInUser user, String deviceId) {
        Address me = Address.of(user.address());
        Connection connection = new Connection(me, deviceId, settings, codec, status -> close(out, status).subscribe());
        connection.emit(Connection.hello(me, user.sessionId().toString(), deviceId, settings));
        Disposable membership = live.join(me.value(), deviceId, connection::onLive);
        heartbeats.add(connection);
        Mono<Void> online = calls.online(me, deviceId).onErrorResume(error -> {
            log.warn("Could not bring the calls of {} device {} back online", me, deviceId, error);
            return Mono.empty();
        });

        // every frame, a pong too, tells the client is alive; text frames are requests
        Flux<FrameCodec.Decoded> frames = in.aggregateFrames(WebSocketConfiguration.MAX_TRANSPORT_FRAME_BYTES).receiveFrames()
            .handle((frame, sink) -> {
                connection.heard();
                if (frame instanceof TextWebSocketFrame text) {
                    sink.next(codec.decode(ByteBufUtil.getBytes(text.content())));
                }
            });
        Mono<Void> inbound = FrameLanes.handle(online, frames, ChatWebSocketHandler::orderingKey, decoded -> onFrame(connection, decoded));
        Mono<Void> outbound = out.sendObject(connection.outbound()).then();
        return Mono.when(inbound.doFinally(signal -> connection.complete()), outbound)
            .doFinally(signal -> {
                heartbeats.remove(connection);
                membership.dispose();
                Mono.defer(() -> calls.offline(me, deviceId))
                    .subscribe(null, error -> log.warn("Could not report the calls of {} device {} offline", me, deviceId, error));
            });
    }

    private static Mono<Void> close(WebsocketOutbound out, CloseStatus status) {
        return out.sendClose(status.getCode(), status.getReason());
    }

    /**
     * Emits the answer when it comes. The lane moves on at once unless the socket already awaits
     * {@link #ANSWERS_AWAITED} answers; then it waits for this one.
     */
    private static Mono<Void> answerLater(Connection connection, Mono<ServerFrame> answer) {
        Mono<Void> emitted = answer.doOnNext(connection::emit).then().doFinally(signal -> connection.answersAwaited().decrementAndGet());
        if (connection.answersAwaited().incrementAndGet() > ANSWERS_AWAITED) {
            return emitted;
        }
        emitted.subscribe();
        return Mono.empty();
    }

    /**
     * Frames about one conversation or one call keep their order; control frames (ping, sync, bad frames) have their
     * own lane. The ids themselves are the keys (a call id starts {@code call:}, a conversation id
     * {@code conversation:}): an id that is neither only shares a lane, it is refused anyway.
     */
    static String orderingKey(FrameCodec.Decoded decoded) {
        if (decoded instanceof FrameCodec.Frame(ClientFrame frame)) {
            if (frame instanceof ClientFrame.CallFrame call) {
                return call.callId() == null ? CONTROL : call.callId();
            }
            String conversationId = switch (frame) {
                case ClientFrame.Send f -> f.conversationId();
                case ClientFrame.Edit f -> f.conversationId();
                case ClientFrame.Delete f -> f.conversationId();
                case ClientFrame.Receipt f -> f.conversationId();
                case ClientFrame.Typing f -> f.conversationId();
                case ClientFrame.Sync f -> null;
                case ClientFrame.Ping f -> null;
                case ClientFrame.CallFrame f -> null;
            };
            if (conversationId != null) {
                return conversationId;
            }
        }
        return CONTROL;
    }

    /**
     * Handles a frame as far as its order matters: the lane's next frame starts when this Mono completes. A
     * conversation request completes once admitted into its conversation's line; its answer comes later.
     */
    private Mono<Void> onFrame(Connection connection, FrameCodec.Decoded decodedFrame) {
        return switch (decodedFrame) {
            case FrameCodec.Invalid invalid -> {
                connection.emit(invalid.error());
                yield Mono.empty();
            }
            case FrameCodec.Frame(ClientFrame frame) -> switch (frame) {
                case ClientFrame.Ping ping -> {
                    connection.emit(new ServerFrames.Pong(ping.id()));
                    yield Mono.empty();
                }
                case ClientFrame.Typing typing -> typing(connection, typing);
                case ClientFrame.Sync sync -> sync(connection, sync);
                case ClientFrame.CallFrame call -> {
                    Mono<ServerFrame> answer = calls.handle(connection.me(), connection.device(), call);
                    // a relayed signal has no answer: no operators for it
                    yield answer == Mono.<ServerFrame>empty() ? Mono.empty() : answer.doOnNext(connection::emit).then();
                }
                // admitted in order (the request holds its place in its conversation's line), answered when done:
                // pipelined sends into one conversation share a commit
                default -> requests.admit(connection.me(), frame).flatMap(answer -> answerLater(connection, answer));
            };
        };
    }

    private Mono<Void> typing(Connection connection, ClientFrame.Typing typing) {
        String me = connection.me().value();
        if (typing.conversationId() == null || typing.active() == null) {
            connection.emit(new ServerFrames.ErrorFrame(typing.id(), "invalid-frame", "typing needs \"conversationId\" and \"active\""));
            return Mono.empty();
        }
        return directory.members(typing.conversationId(), me).doOnNext(members -> {
            if (members.isEmpty()) {
                connection.emit(new ServerFrames.ErrorFrame(typing.id(), "conversation-not-found", "There is no conversation " + typing.conversationId()));
                return;
            }
            List<String> others = members.stream().filter(m -> !m.equalsIgnoreCase(me)).toList();
            live.publish(others, new LiveEvent(typing.conversationId(), -1, new ServerFrames.TypingFrame(typing.conversationId(), me, typing.active())));
        }).then();
    }

    private Mono<Void> sync(Connection connection, ClientFrame.Sync sync) {
        Map<String, Long> wanted = sync.conversations() == null ? Map.of() : sync.conversations();
        connection.beginSync(wanted.keySet());
        Map<String, Long> reached = new LinkedHashMap<>();
        List<String> limited = new ArrayList<>();
        return Flux.fromIterable(wanted.entrySet())
            .concatMap(entry -> {
                long after = entry.getValue() == null ? -1 : entry.getValue();
                return directory.changesSince(entry.getKey(), connection.me().value(), after, settings.syncLimit())
                    .doOnNext(batch -> {
                        connection.finishSync(entry.getKey(), batch.frames(), batch.lastPosition());
                        reached.put(entry.getKey(), batch.lastPosition());
                        if (batch.limited()) {
                            limited.add(entry.getKey());
                        }
                    })
                    .switchIfEmpty(Mono.fromRunnable(() -> {
                        connection.finishSync(entry.getKey(), List.of(), -1);
                        connection.emit(new ServerFrames.ErrorFrame(sync.id(), "conversation-not-found", "There is no conversation " + entry.getKey()));
                    }));
            })
            .then(Mono.fromRunnable(() -> connection.emit(new ServerFrames.Synced(sync.id(), reached, limited))));
    }
}
