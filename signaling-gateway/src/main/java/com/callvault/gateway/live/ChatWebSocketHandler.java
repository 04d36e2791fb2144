package com.callvault.gateway.live;

import com.callvault.api.identity.Address;
import com.callvault.gateway.auth.SignedInUser;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.FrameCodec;
import com.callvault.gateway.protocol.ServerFrames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /ws}: the browser's one socket. Authenticated at the upgrade (session cookie or bearer header),
 * {@code Origin} checked against the public URL before it. Frames are JSON objects with a {@code type}
 * (docs/protocol/asyncapi.yaml). Requests about one conversation are handled in the order they came.
 */
@Component
class ChatWebSocketHandler implements WebSocketHandler {

    /** A conversation's requests that may await their answers at once; beyond it the socket reads no further. */
    static final int ANSWERS_AWAITED_PER_CONVERSATION = 64;

    private final LiveChannel live;
    private final ClientRequests requests;
    private final ConversationDirectory directory;
    private final FrameCodec codec;
    private final LiveSettings settings;

    ChatWebSocketHandler(LiveChannel live, ClientRequests requests, ConversationDirectory directory, FrameCodec codec, LiveSettings settings) {
        this.live = live;
        this.requests = requests;
        this.directory = directory;
        this.codec = codec;
        this.settings = settings;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal()
            .map(principal -> (SignedInUser) ((Authentication) principal).getPrincipal())
            .flatMap(user -> serve(session, user))
            .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION.withReason("not signed in"))));
    }

    private Mono<Void> serve(WebSocketSession session, SignedInUser user) {
        Address me = Address.of(user.address());
        Connection connection = new Connection(session, me, settings, codec);
        AtomicLong lastHeard = new AtomicLong(System.nanoTime());
        connection.emit(Connection.hello(me, user.sessionId().toString(), settings));
        Disposable subscription = connection.subscribe(live.subscribe(me.value()));

        Mono<Void> inbound = session.receive()
            .doOnNext(message -> lastHeard.set(System.nanoTime()))
            .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
            .map(message -> codec.decode(message.getPayloadAsText()))
            // in order within a conversation, side by side across conversations: one busy conversation
            // (or a slow command) does not hold up the socket's others. Within a conversation, a request is
            // admitted once the one before it is, and answered when it is done: pipelined sends share a commit
            .groupBy(ChatWebSocketHandler::orderingKey)
            .flatMap(frames -> frames.concatMap(decoded -> admit(connection, decoded))
                .flatMap(answer -> answer, ANSWERS_AWAITED_PER_CONVERSATION), Integer.MAX_VALUE)
            .then();
        Flux<WebSocketMessage> heartbeat = Flux.interval(settings.heartbeat(), settings.heartbeat())
            .handle((tick, sink) -> {
                if (Duration.ofNanos(System.nanoTime() - lastHeard.get()).compareTo(settings.idleTimeout()) > 0) {
                    connection.close(CloseStatus.GOING_AWAY.withReason("no heartbeat"));
                    sink.complete();
                } else {
                    sink.next(session.pingMessage(factory -> factory.wrap(new byte[0])));
                }
            });
        Mono<Void> outbound = session.send(Flux.merge(connection.outbound(), heartbeat.takeUntilOther(connection.closed())));
        return Mono.when(inbound.doFinally(signal -> connection.complete()), outbound)
            .doFinally(signal -> subscription.dispose());
    }

    /** Frames about one conversation keep their order; control frames (ping, sync, bad frames) have their own lane. */
    static String orderingKey(FrameCodec.Decoded decoded) {
        if (decoded instanceof FrameCodec.Frame(ClientFrame frame)) {
            String conversationId = switch (frame) {
                case ClientFrame.Send f -> f.conversationId();
                case ClientFrame.Edit f -> f.conversationId();
                case ClientFrame.Delete f -> f.conversationId();
                case ClientFrame.Receipt f -> f.conversationId();
                case ClientFrame.Typing f -> f.conversationId();
                case ClientFrame.Sync f -> null;
                case ClientFrame.Ping f -> null;
            };
            if (conversationId != null) {
                return "conversation " + conversationId;
            }
        }
        return "control";
    }

    /** Handles a frame as far as its order matters; what it emits is the rest, the answer that is still to come. */
    private Mono<Mono<Void>> admit(Connection connection, FrameCodec.Decoded decodedFrame) {
        Mono<Void> answered = Mono.empty();
        return switch (decodedFrame) {
            case FrameCodec.Invalid invalid -> {
                connection.emit(invalid.error());
                yield Mono.just(answered);
            }
            case FrameCodec.Frame(ClientFrame frame) -> switch (frame) {
                case ClientFrame.Ping ping -> {
                    connection.emit(new ServerFrames.Pong(ping.id()));
                    yield Mono.just(answered);
                }
                case ClientFrame.Typing typing -> typing(connection, typing).thenReturn(answered);
                case ClientFrame.Sync sync -> sync(connection, sync).thenReturn(answered);
                default -> requests.admit(connection.me(), frame).map(answer -> answer.doOnNext(connection::emit).then());
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
