package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.protocol.ServerFrames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

class LocalLiveChannelTest {

    static final String ALICE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Test
    void events_for_one_user_published_from_many_threads_at_once_all_arrive_and_never_fail_the_publisher() {
        LocalLiveChannel channel = new LocalLiveChannel();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Disposable session = channel.subscribe(ALICE.toLowerCase()).subscribe(event -> received.incrementAndGet());
        int threads = 8;
        int each = 5_000;
        ExecutorService publishers = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                publishers.execute(() -> {
                    for (int i = 0; i < each; i++) {
                        try {
                            channel.publish(List.of(ALICE), new LiveEvent("conversation:x", i, new ServerFrames.Pong("p" + i)));
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
