package com.callvault.gateway.live;

import com.callvault.gateway.protocol.ServerFrame;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * In-process fan-out. A device's session is a receiver called directly (no sink, no filter per event): a relayed
 * call signal goes straight to the target device's connection. Streams that are no device (RSocket) share one
 * multicast sink per user, made when the first one subscribes. Nothing here buffers: each session bounds its own
 * queue and is closed when it cannot keep up, so a slow reader slows nobody.
 */
@Component
class LocalLiveChannel implements LiveChannel {

    private static final Session[] NONE = new Session[0];

    /** One device's session. */
    private record Session(String device, Consumer<LiveEvent> receiver) {
    }

    /**
     * A connected user. Both fields are replaced, never changed in place, and only inside the map's compute() for
     * this user; publishers read them without a lock.
     */
    private static final class User {
        volatile Session[] sessions = NONE;   // in the order they joined
        volatile Sinks.Many<LiveEvent> streams; // null while no stream subscribes
        int streamCount;
    }

    private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();
    /** Device sessions (WebSockets) joined here and not yet left. */
    private final AtomicInteger devicesJoined = new AtomicInteger();

    LocalLiveChannel() {
    }

    @Autowired
    LocalLiveChannel(ObjectProvider<MeterRegistry> registry) {
        registry.ifAvailable(r -> {
            Gauge.builder("callvault.live.devices", devicesJoined, AtomicInteger::get)
                .description("Devices (WebSockets) connected to this instance").register(r);
            Gauge.builder("callvault.live.users", users, ConcurrentMap::size)
                .description("Users with a WebSocket or an RSocket stream on this instance").register(r);
        });
    }

    @Override
    public void publish(Collection<String> addresses, LiveEvent event) {
        for (String address : addresses) {
            User user = users.get(key(address));
            if (user != null) {
                for (Session session : user.sessions) {
                    session.receiver().accept(event);
                }
                Sinks.Many<LiveEvent> streams = user.streams;
                if (streams != null) {
                    // emissions to one user from several threads take turns. A busy loop that retries for a while
                    // gives up when the emitting thread is descheduled that long (a loaded machine), and the
                    // publisher, a committed command's answer, would fail. Delivery stays best effort: a stream
                    // that could not take the event catches up by position.
                    synchronized (streams) {
                        streams.tryEmitNext(event);
                    }
                }
            }
        }
    }

    @Override
    public void deliver(String address, String device, ServerFrame frame) {
        User user = users.get(key(address));
        if (user == null) {
            return;
        }
        LiveEvent event = null;
        for (Session session : user.sessions) {
            if (session.device().equals(device)) {
                if (event == null) {
                    event = LiveEvent.toEverySession(frame);
                }
                session.receiver().accept(event);
            }
        }
    }

    @Override
    public Flux<LiveEvent> subscribe(String address) {
        String key = key(address);
        return Flux.defer(() -> {
            // counting inside compute() makes "last one left, drop the user" atomic with "one joined"
            User user = users.compute(key, (k, existing) -> {
                User u = existing != null ? existing : new User();
                if (u.streams == null) {
                    u.streams = Sinks.many().multicast().directBestEffort();
                }
                u.streamCount++;
                return u;
            });
            return user.streams.asFlux().doFinally(signal -> users.computeIfPresent(key, (k, u) -> {
                if (--u.streamCount == 0) {
                    u.streams = null;
                }
                return u.streamCount == 0 && u.sessions.length == 0 ? null : u;
            }));
        });
    }

    @Override
    public Disposable join(String address, String device, Consumer<LiveEvent> receiver) {
        String key = key(address);
        Session session = new Session(device, receiver);
        users.compute(key, (k, existing) -> {
            User u = existing != null ? existing : new User();
            Session[] joined = Arrays.copyOf(u.sessions, u.sessions.length + 1);
            joined[joined.length - 1] = session;
            u.sessions = joined;
            return u;
        });
        devicesJoined.incrementAndGet();
        return () -> users.computeIfPresent(key, (k, u) -> {
            Session[] left = Arrays.stream(u.sessions).filter(s -> s != session).toArray(Session[]::new);
            if (left.length < u.sessions.length) {
                devicesJoined.decrementAndGet();
            }
            u.sessions = left;
            return u.streamCount == 0 && u.sessions.length == 0 ? null : u;
        });
    }

    @Override
    public int sessions(String address) {
        int[] count = {0};
        users.computeIfPresent(key(address), (k, u) -> {
            count[0] = u.sessions.length + u.streamCount;
            return u;
        });
        return count[0];
    }

    @Override
    public Set<String> devices(String address) {
        Set<String> devices = new LinkedHashSet<>();
        User user = users.get(key(address));
        if (user != null) {
            for (Session session : user.sessions) {
                devices.add(session.device());
            }
        }
        return devices;
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
