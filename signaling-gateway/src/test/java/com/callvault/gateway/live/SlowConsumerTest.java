package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.gateway.protocol.FrameCodec;
import com.callvault.gateway.protocol.ServerFrames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.BaseSubscriber;
import tools.jackson.databind.json.JsonMapper;

/**
 * A socket whose client does not read is closed once its bounded queue is full, without blocking the
 * publisher. No network: what is tested is the queue, and the close it asks for.
 */
class SlowConsumerTest {

    private static final Address ALICE = Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private final LiveSettings settings = new LiveSettings(Duration.ofSeconds(25), Duration.ofSeconds(60), 16, 500);

    /** The closes the connection asked for. */
    private final List<CloseStatus> closed = new CopyOnWriteArrayList<>();

    /** A connection whose client has subscribed but reads nothing, as when its TCP window is full. */
    private Connection connection() {
        Connection connection = new Connection(ALICE, "device-1", settings, new FrameCodec(JsonMapper.builder().build()), closed::add);
        connection.outbound().subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // requests nothing
            }
        });
        return connection;
    }

    private static LiveEvent message(long position) {
        return new LiveEvent("conversation:c", position, new ServerFrames.MessageFrame("conversation:c", position, position, "m" + position,
            ALICE.value(), "hi", List.of(), Instant.EPOCH, null, null));
    }

    @Test
    void a_socket_that_cannot_keep_up_is_closed_with_a_reason_instead_of_buffering_without_end() {
        Connection connection = connection();

        for (long position = 1; position <= 100; position++) {
            connection.onLive(message(position));
        }

        assertThat(closed).containsExactly(Connection.TOO_SLOW);
    }

    @Test
    void a_socket_within_its_queue_stays_open() {
        Connection connection = connection();

        for (long position = 1; position <= 10; position++) {
            connection.onLive(message(position));
        }

        assertThat(closed).isEmpty();
    }

    @Test
    void changes_held_during_a_sync_count_against_the_queue_too() {
        Connection connection = connection();
        connection.beginSync(List.of("conversation:c"));

        for (long position = 1; position <= 100; position++) {
            connection.onLive(message(position));
        }

        assertThat(closed).containsExactly(Connection.TOO_SLOW);
    }
}
