package com.callvault.gateway.live;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Handles one socket's frames in order within a lane (one conversation, one call) and side by side across lanes,
 * so one busy conversation (or a slow command) does not hold up the socket's others. At most {@link #WINDOW}
 * frames are read ahead of the ones handled; beyond that the socket is not read (TCP pushes back).
 *
 * <p>A hand-written {@code groupBy(lane).flatMap(concatMap(handle))}: that pipeline allocated its queues (a
 * 256-slot main queue, a queue per group) for every socket, including the idle ones that never send a frame.
 * Here a socket that sends nothing holds no map, and a lane exists only while a frame of it is being handled.
 */
final class FrameLanes<T> extends BaseSubscriber<T> {

    static final int WINDOW = 32;

    private final Function<T, String> laneOf;
    private final Function<T, Mono<Void>> handler;
    private final MonoSink<Void> done;
    private Map<String, Lane> lanes; // the lanes with a frame being handled; made at the first frame
    private int active;
    private boolean upstreamDone;

    private FrameLanes(Function<T, String> laneOf, Function<T, Mono<Void>> handler, MonoSink<Void> done) {
        this.laneOf = laneOf;
        this.handler = handler;
        this.done = done;
    }

    /** Completes when {@code frames} completed and every frame was handled; fails when a handler fails. */
    static <T> Mono<Void> handle(Flux<T> frames, Function<T, String> laneOf, Function<T, Mono<Void>> handler) {
        return handle(Mono.empty(), frames, laneOf, handler);
    }

    /**
     * The same, reading {@code frames} only once {@code first} completed (it fails when {@code first} fails). Unlike
     * {@code first.then(…)}, nothing keeps {@code first} once it is done: the socket's pipeline lives for hours.
     */
    static <T> Mono<Void> handle(Mono<Void> first, Flux<T> frames, Function<T, String> laneOf, Function<T, Mono<Void>> handler) {
        return Mono.create(sink -> {
            FrameLanes<T> lanes = new FrameLanes<>(laneOf, handler, sink);
            Disposable started = first.subscribe(null, sink::error, () -> frames.subscribe(lanes));
            sink.onDispose(() -> {
                started.dispose();
                lanes.dispose();
            });
        });
    }

    /** A lane with a frame being handled, and the frames of it waiting behind that one. */
    private final class Lane {
        final String key;
        ArrayDeque<T> waiting; // made when a second frame comes while one is handled

        Lane(String key) {
            this.key = key;
        }

        void run(T frame) {
            handler.apply(frame).subscribe(new BaseSubscriber<>() {
                @Override
                protected void hookOnComplete() {
                    handled(Lane.this);
                }

                @Override
                protected void hookOnError(Throwable error) {
                    failed(error);
                }
            });
        }
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        subscription.request(WINDOW);
    }

    @Override
    protected void hookOnNext(T frame) {
        String key = laneOf.apply(frame);
        Lane lane;
        synchronized (this) {
            if (lanes == null) {
                lanes = new HashMap<>();
            }
            Lane busy = lanes.get(key);
            if (busy != null) {
                if (busy.waiting == null) {
                    busy.waiting = new ArrayDeque<>();
                }
                busy.waiting.add(frame);
                return;
            }
            lane = new Lane(key);
            lanes.put(key, lane);
            active++;
        }
        lane.run(frame);
    }

    private void handled(Lane lane) {
        T next;
        boolean finished = false;
        synchronized (this) {
            next = lane.waiting == null ? null : lane.waiting.poll();
            if (next == null) {
                lanes.remove(lane.key);
                active--;
                finished = upstreamDone && active == 0;
            }
        }
        if (finished) {
            done.success();
            return;
        }
        request(1); // the handled frame leaves the window
        if (next != null) {
            lane.run(next);
        }
    }

    private void failed(Throwable error) {
        dispose();
        done.error(error);
    }

    @Override
    protected void hookOnComplete() {
        boolean finished;
        synchronized (this) {
            upstreamDone = true;
            finished = active == 0;
        }
        if (finished) {
            done.success();
        }
    }

    @Override
    protected void hookOnError(Throwable error) {
        done.error(error);
    }
}
