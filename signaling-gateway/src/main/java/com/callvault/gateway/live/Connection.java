package com.callvault.gateway.live;

import com.callvault.api.identity.Address;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.FrameCodec;
import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One WebSocket of one signed-in user. Every frame to the client goes through one bounded queue under this
 * object's lock, so frames are ordered and a client that cannot keep up is closed instead of slowing the
 * publishers (it catches up with {@code sync} when it reconnects). While a conversation is being synced,
 * its live changes wait and are sent after the sync, never twice.
 */
final class Connection {

    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "too slow: reconnect and sync");
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final WebSocketSession session;
    private final Address me;
    private final String device;
    private final LiveSettings settings;
    private final FrameCodec codec;
    private final Sinks.Many<ServerFrame> out;
    private final Map<String, Long> syncedUpTo = new HashMap<>();
    private final Map<String, List<LiveEvent>> syncing = new HashMap<>();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private int waiting;
    private boolean closing;

    Connection(WebSocketSession session, Address me, String device, LiveSettings settings, FrameCodec codec) {
        this.session = session;
        this.me = me;
        this.device = device;
        this.settings = settings;
        this.codec = codec;
        this.out = Sinks.many().unicast().onBackpressureBuffer(Queues.<ServerFrame>get(settings.sendBuffer()).get());
    }

    Address me() {
        return me;
    }

    /** The device this socket is (see {@link ChatWebSocketHandler}). */
    String device() {
        return device;
    }

    Flux<WebSocketMessage> outbound() {
        return out.asFlux().map(frame -> session.textMessage(codec.encode(frame)));
    }

    /** Sends a frame that is not a conversation change (answers, typing, pong). */
    synchronized void emit(ServerFrame frame) {
        if (closing) {
            return;
        }
        Sinks.EmitResult result = out.tryEmitNext(frame);
        // full queue: the client does not read (FAIL_OVERFLOW), or is not reading yet (FAIL_ZERO_SUBSCRIBER)
        if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            close(TOO_SLOW);
        } else if (result.isFailure() && result != Sinks.EmitResult.FAIL_TERMINATED && result != Sinks.EmitResult.FAIL_CANCELLED) {
            log.warn("Dropped a frame for {}: {}", me, result);
        }
    }

    /** A committed change or a signal from the live channel. */
    synchronized void onLive(LiveEvent event) {
        List<LiveEvent> held = syncing.get(event.conversationId());
        if (held != null) {
            if (++waiting > settings.sendBuffer()) {
                close(TOO_SLOW);
                return;
            }
            held.add(event);
            return;
        }
        emitChange(event);
    }

    synchronized void beginSync(Iterable<String> conversationIds) {
        conversationIds.forEach(id -> syncing.putIfAbsent(id, new ArrayList<>()));
    }

    /** The sync answer for one conversation, then whatever came live meanwhile and is newer. */
    synchronized void finishSync(String conversationId, List<ServerFrame> frames, long lastPosition) {
        frames.forEach(this::emit);
        syncedUpTo.merge(conversationId, lastPosition, Math::max);
        List<LiveEvent> held = syncing.remove(conversationId);
        if (held != null) {
            waiting -= held.size();
            held.forEach(this::emitChange);
        }
    }

    /** Completes when the connection ends, whichever side ended it. */
    Mono<Void> closed() {
        return closed.asMono();
    }

    synchronized void complete() {
        closing = true;
        out.tryEmitComplete();
        closed.tryEmitEmpty();
    }

    synchronized void close(CloseStatus status) {
        if (!closing) {
            closing = true;
            log.info("Closing the socket of {}: {}", me, status.getReason());
            out.tryEmitComplete();
            closed.tryEmitEmpty();
            session.close(status).subscribe();
        }
    }

    private void emitChange(LiveEvent event) {
        // a sync already sent this change; live changes themselves may arrive slightly out of order
        if (event.position() >= 0 && event.position() <= syncedUpTo.getOrDefault(event.conversationId(), -1L)) {
            return;
        }
        emit(event.frame());
    }

    static ServerFrame hello(Address me, String sessionId, String device, LiveSettings settings) {
        return new ServerFrames.Hello(me.value(), sessionId, device, (int) settings.heartbeat().toSeconds(), 1);
    }

    static boolean isRequest(ClientFrame frame) {
        return frame instanceof ClientFrame.Send || frame instanceof ClientFrame.Edit || frame instanceof ClientFrame.Delete
            || frame instanceof ClientFrame.Receipt;
    }

    Disposable subscribe(Flux<LiveEvent> events) {
        return events.subscribe(this::onLive, error -> close(CloseStatus.SERVER_ERROR));
    }
}
