package com.callvault.gateway.live;

import com.callvault.api.identity.Address;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.FrameCodec;
import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One WebSocket of one signed-in user. Every frame to the client goes through one bounded queue under this
 * object's lock, so frames are ordered and a client that cannot keep up is closed instead of slowing the
 * publishers (it catches up with {@code sync} when it reconnects). While a conversation is being synced,
 * its live changes wait and are sent after the sync, never twice.
 *
 * <p>The queue starts small and grows in links of {@link #QUEUE_LINK}; a counter enforces the bound
 * ({@link LiveSettings#sendBuffer()}). An idle socket, most of them, so holds a few dozen bytes of queue instead of
 * an array of {@code sendBuffer} slots. Heartbeat pings ({@link HeartbeatSweep}) go through the same queue.
 */
final class Connection {

    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "too slow: reconnect and sync");
    static final int QUEUE_LINK = 16;
    private static final Object PING = new Object();
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    /** Sends a close frame with the status: the socket's end (see {@link #close}). */
    private final Consumer<CloseStatus> closer;
    private final Address me;
    private final String device;
    private final LiveSettings settings;
    private final FrameCodec codec;
    /** ServerFrames, and {@link #PING} */
    private final Sinks.Many<Object> out;
    /** Frames in {@link #out} not yet taken by the socket: the bound. Taken on the socket's event loop, hence atomic. */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger answersAwaited = new AtomicInteger();
    // both made at the first sync: most sockets of calls never sync
    private Map<String, Long> syncedUpTo;
    private Map<String, List<LiveEvent>> syncing;
    private int waiting;
    private boolean closing;
    private volatile long lastHeard = System.nanoTime();

    Connection(Address me, String device, LiveSettings settings, FrameCodec codec, Consumer<CloseStatus> closer) {
        this.closer = closer;
        this.me = me;
        this.device = device;
        this.settings = settings;
        this.codec = codec;
        this.out = Sinks.many().unicast().onBackpressureBuffer(Queues.unbounded(QUEUE_LINK).get());
    }

    Address me() {
        return me;
    }

    /** Requests of this socket admitted and not yet answered (see {@code ChatWebSocketHandler}). */
    AtomicInteger answersAwaited() {
        return answersAwaited;
    }

    /** The device this socket is (see {@link ChatWebSocketHandler}). */
    String device() {
        return device;
    }

    /** What the socket sends: the frames and pings, in the order they were queued, encoded as the socket takes them. */
    Flux<WebSocketFrame> outbound() {
        return out.asFlux().map(item -> {
            queued.decrementAndGet();
            return item == PING ? new PingWebSocketFrame() : new TextWebSocketFrame(Unpooled.wrappedBuffer(codec.encodeBytes((ServerFrame) item)));
        });
    }

    /** Sends a frame that is not a conversation change (answers, typing, pong). */
    synchronized void emit(ServerFrame frame) {
        enqueue(frame);
    }

    /** Queues a heartbeat ping (the client's pong, like any frame, counts as {@linkplain #heard() heard}). */
    synchronized void ping() {
        enqueue(PING);
    }

    private void enqueue(Object item) {
        if (closing) {
            return;
        }
        // full queue: the client does not read, or is not reading yet
        if (queued.incrementAndGet() > settings.sendBuffer()) {
            close(TOO_SLOW);
            return;
        }
        Sinks.EmitResult result = out.tryEmitNext(item);
        if (result.isFailure()) {
            queued.decrementAndGet();
            if (result != Sinks.EmitResult.FAIL_TERMINATED && result != Sinks.EmitResult.FAIL_CANCELLED) {
                log.warn("Dropped a frame for {}: {}", me, result);
            }
        }
    }

    /** The client sent something (a frame or a pong): it is alive. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** Nanoseconds ({@link System#nanoTime()}) since the client last sent something. */
    long silentFor(long now) {
        return now - lastHeard;
    }

    /** A committed change or a signal from the live channel. */
    synchronized void onLive(LiveEvent event) {
        List<LiveEvent> held = syncing == null || event.conversationId() == null ? null : syncing.get(event.conversationId());
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
        if (syncing == null) {
            syncing = new HashMap<>();
            syncedUpTo = new HashMap<>();
        }
        conversationIds.forEach(id -> syncing.putIfAbsent(id, new ArrayList<>()));
    }

    /** The sync answer for one conversation, then whatever came live meanwhile and is newer. */
    synchronized void finishSync(String conversationId, List<ServerFrame> frames, long lastPosition) {
        beginSync(List.of()); // the maps, if a sync answer comes without its begin (it does not, but stay safe)
        frames.forEach(this::emit);
        syncedUpTo.merge(conversationId, lastPosition, Math::max);
        List<LiveEvent> held = syncing.remove(conversationId);
        if (held != null) {
            waiting -= held.size();
            held.forEach(this::emitChange);
        }
    }

    synchronized void complete() {
        closing = true;
        out.tryEmitComplete();
    }

    synchronized void close(CloseStatus status) {
        if (!closing) {
            closing = true;
            log.info("Closing the socket of {}: {}", me, status.getReason());
            out.tryEmitComplete();
            closer.accept(status);
        }
    }

    private void emitChange(LiveEvent event) {
        // a sync already sent this change; live changes themselves may arrive slightly out of order
        if (event.position() >= 0 && syncedUpTo != null && event.position() <= syncedUpTo.getOrDefault(event.conversationId(), -1L)) {
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
}
