package com.callvault.gateway.live;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.callvault.api.identity.Address;
import com.callvault.gateway.protocol.FrameCodec;
import com.callvault.gateway.protocol.ServerFrames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A socket whose client does not read is closed once its bounded queue is full, without blocking the
 * publisher. The session is a stand-in: what is tested is the queue, not the network.
 */
class SlowConsumerTest {

    private static final Address ALICE = Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private final LiveSettings settings = new LiveSettings(Duration.ofSeconds(25), Duration.ofSeconds(60), 16, 500);

    /** A connection whose client has subscribed but reads nothing, as when its TCP window is full. */
    private Connection connection(WebSocketSession session) {
        when(session.close(any())).thenReturn(Mono.empty());
        Connection connection = new Connection(session, ALICE, "device-1", settings, new FrameCodec(JsonMapper.builder().build()));
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
        WebSocketSession session = mock(WebSocketSession.class);
        Connection connection = connection(session);

        for (long position = 1; position <= 100; position++) {
            connection.onLive(message(position));
        }

        verify(session).close(Connection.TOO_SLOW);
    }

    @Test
    void a_socket_within_its_queue_stays_open() {
        WebSocketSession session = mock(WebSocketSession.class);
        Connection connection = connection(session);

        for (long position = 1; position <= 10; position++) {
            connection.onLive(message(position));
        }

        verify(session, never()).close(any(CloseStatus.class));
    }

    @Test
    void changes_held_during_a_sync_count_against_the_queue_too() {
        WebSocketSession session = mock(WebSocketSession.class);
        Connection connection = connection(session);
        connection.beginSync(List.of("conversation:c"));

        for (long position = 1; position <= 100; position++) {
            connection.onLive(message(position));
        }

        verify(session).close(Connection.TOO_SLOW);
    }
}
