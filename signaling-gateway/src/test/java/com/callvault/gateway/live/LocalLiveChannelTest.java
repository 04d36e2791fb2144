package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.protocol.ServerFrames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.Disposable;

/** Fan-out in this instance: every session of a user, or the sessions of one of its devices. */
class LocalLiveChannelTest {

    private static final String ALICE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private final LocalLiveChannel live = new LocalLiveChannel();

    @Test
    void gauges_count_the_connected_devices_and_users_and_a_second_leave_counts_once() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("registry", registry);
        LocalLiveChannel counted = new LocalLiveChannel(beans.getBeanProvider(MeterRegistry.class));
        Disposable phone = counted.join(ALICE, "phone", event -> { });
        Disposable laptop = counted.join(ALICE, "laptop", event -> { });
        counted.join("0x0000000000000000000000000000000000000001", "tab", event -> { });
        assertThat(registry.get("callvault.live.devices").gauge().value()).isEqualTo(3);
        assertThat(registry.get("callvault.live.users").gauge().value()).isEqualTo(2);

        phone.dispose();
        phone.dispose();
        laptop.dispose();
        assertThat(registry.get("callvault.live.devices").gauge().value()).isEqualTo(1);
        assertThat(registry.get("callvault.live.users").gauge().value()).isEqualTo(1);
    }

    @Test
    void a_frame_for_a_device_reaches_only_that_devices_sessions() {
        List<LiveEvent> phone = new CopyOnWriteArrayList<>();
        List<LiveEvent> laptop = new CopyOnWriteArrayList<>();
        live.join(ALICE, "phone", phone::add);
        live.join(ALICE.toLowerCase(), "laptop", laptop::add);

        live.deliver(ALICE, "phone", new ServerFrames.Pong("1"));
        live.publish(List.of(ALICE.toLowerCase()), LiveEvent.toEverySession(new ServerFrames.Pong("2")));

        assertThat(phone).extracting(LiveEvent::frame).containsExactly(new ServerFrames.Pong("1"), new ServerFrames.Pong("2"));
        assertThat(laptop).extracting(LiveEvent::frame).containsExactly(new ServerFrames.Pong("2"));
    }

    @Test
    void devices_are_online_while_a_session_of_them_is_open_in_the_order_they_connected() {
        Disposable phone = live.join(ALICE, "phone", event -> { });
        Disposable laptop = live.join(ALICE, "laptop", event -> { });
        Disposable phoneAgain = live.join(ALICE, "phone", event -> { });
        var stream = live.subscribe(ALICE).subscribe();

        assertThat(live.devices(ALICE)).containsExactly("phone", "laptop");
        assertThat(live.sessions(ALICE)).isEqualTo(4);

        phone.dispose();
        laptop.dispose();
        assertThat(live.devices(ALICE)).containsExactly("phone");
        phoneAgain.dispose();
        stream.dispose();
        assertThat(live.devices(ALICE)).isEmpty();
        assertThat(live.sessions(ALICE)).isZero();
    }

    @Test
    void streams_that_are_no_device_get_what_is_published_not_what_is_delivered_to_a_device() {
        List<LiveEvent> stream = new CopyOnWriteArrayList<>();
        live.subscribe(ALICE).subscribe(stream::add);
        live.join(ALICE, "phone", event -> { });

        live.deliver(ALICE, "phone", new ServerFrames.Pong("1"));
        live.publish(List.of(ALICE), LiveEvent.toEverySession(new ServerFrames.Pong("2")));

        assertThat(stream).extracting(LiveEvent::frame).containsExactly(new ServerFrames.Pong("2"));
    }

    @Test
    void events_for_one_user_published_from_many_threads_at_once_all_arrive_and_never_fail_the_publisher() {
        AtomicInteger received = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Disposable session = live.subscribe(ALICE.toLowerCase()).subscribe(event -> received.incrementAndGet());
        int threads = 8;
        int each = 5_000;
        ExecutorService publishers = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                publishers.execute(() -> {
                    for (int i = 0; i < each; i++) {
                        try {
                            live.publish(List.of(ALICE), new LiveEvent("conversation:x", i, new ServerFrames.Pong("p" + i)));
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received.get() + failed.get()).isEqualTo(threads * each));
            assertThat(failed).hasValue(0);
        } finally {
            publishers.shutdownNow();
            session.dispose();
        }
    }
}
