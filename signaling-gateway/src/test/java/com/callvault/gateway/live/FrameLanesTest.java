package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A socket's frames: in order within a lane, side by side across lanes, never more than the window read ahead. */
class FrameLanesTest {

    /** Frames are "lane:n"; each one's handling finishes when the test says so. */
    private final Map<String, Sinks.Empty<Void>> handling = new ConcurrentHashMap<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    private Mono<Void> handle(String frame) {
        started.add(frame);
        return handling.computeIfAbsent(frame, f -> Sinks.empty()).asMono();
    }

    private void finish(String frame) {
        handling.computeIfAbsent(frame, f -> Sinks.empty()).tryEmitEmpty();
    }

    private static String lane(String frame) {
        return frame.substring(0, frame.indexOf(':'));
    }

    @Test
    void a_lane_waits_for_its_frame_in_hand_while_other_lanes_go_on() {
        Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
        Mono<Void> done = FrameLanes.handle(frames.asFlux(), FrameLanesTest::lane, this::handle);
        var result = done.toFuture();

        frames.tryEmitNext("a:1");
        frames.tryEmitNext("a:2");
        frames.tryEmitNext("b:1");
        assertThat(started).containsExactly("a:1", "b:1");

        finish("a:1");
        assertThat(started).containsExactly("a:1", "b:1", "a:2");

        frames.tryEmitComplete();
        assertThat(result).isNotDone();
        finish("a:2");
        finish("b:1");
        assertThat(result).isCompleted();
    }

    @Test
    void no_more_than_the_window_is_read_ahead_of_the_frames_handled() {
        int[] requested = {0};
        Flux<String> frames = Flux.range(1, 100).map(n -> "a:" + n).doOnRequest(n -> requested[0] += (int) n);
        FrameLanes.handle(frames, FrameLanesTest::lane, this::handle).subscribe();

        assertThat(requested[0]).isEqualTo(FrameLanes.WINDOW);
        finish("a:1");
        assertThat(requested[0]).isEqualTo(FrameLanes.WINDOW + 1);
        assertThat(started).containsExactly("a:1", "a:2");
    }

    @Test
    void a_failed_frame_fails_the_socket() {
        Mono<Void> done = FrameLanes.handle(Flux.just("a:1", "a:2"), FrameLanesTest::lane,
            frame -> frame.equals("a:1") ? Mono.error(new IllegalStateException("broken")) : Mono.empty());

        assertThat(done.toFuture()).isCompletedExceptionally();
    }

    @Test
    void frames_are_read_only_once_the_first_step_completed() {
        Sinks.Empty<Void> first = Sinks.empty();
        Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
        var result = FrameLanes.handle(first.asMono(), frames.asFlux(), FrameLanesTest::lane, this::handle).toFuture();
        frames.tryEmitNext("a:1");
        assertThat(frames.currentSubscriberCount()).isZero();

        first.tryEmitEmpty();
        assertThat(started).containsExactly("a:1");

        frames.tryEmitComplete();
        finish("a:1");
        assertThat(result).isCompleted();
    }

    @Test
    void a_first_step_that_fails_fails_the_whole_without_reading_a_frame() {
        Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
        frames.tryEmitNext("a:1");

        var result = FrameLanes.handle(Mono.error(new IllegalStateException("no")), frames.asFlux(), FrameLanesTest::lane, this::handle).toFuture();

        assertThat(result).isCompletedExceptionally();
        assertThat(frames.currentSubscriberCount()).isZero();
        assertThat(started).isEmpty();
    }

    @Test
    void cancelling_before_the_first_step_completed_cancels_it_and_never_reads() {
        Sinks.Empty<Void> first = Sinks.empty();
        Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
        var subscription = FrameLanes.handle(first.asMono(), frames.asFlux(), FrameLanesTest::lane, this::handle).subscribe();
        assertThat(first.currentSubscriberCount()).isOne();

        subscription.dispose();

        assertThat(first.currentSubscriberCount()).isZero();
        first.tryEmitEmpty();
        assertThat(frames.currentSubscriberCount()).isZero();
    }
}
