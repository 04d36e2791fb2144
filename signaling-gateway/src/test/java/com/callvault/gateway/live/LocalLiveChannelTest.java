package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.protocol.ServerFrames;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Fan-out in this instance: every session of a user, or the sessions of one of its devices. */
class LocalLiveChannelTest {

    private static final String ALICE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private final LocalLiveChannel live = new LocalLiveChannel();

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
}
