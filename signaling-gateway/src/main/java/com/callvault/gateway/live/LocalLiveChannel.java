package com.callvault.gateway.live;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * In-process fan-out: one multicast sink per connected user. A sink never buffers for its subscribers;
 * each session bounds its own buffer and is closed when it cannot keep up, so a slow reader slows nobody.
 */
@Component
class LocalLiveChannel implements LiveChannel {

    private record User(Sinks.Many<LiveEvent> sink, AtomicInteger sessions) {
    }

    private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();

    @Override
    public void publish(Collection<String> addresses, LiveEvent event) {
        for (String address : addresses) {
            User user = users.get(key(address));
            if (user != null) {
                // emissions to one user from several threads take turns. A busy loop that retries for a while
                // gives up when the emitting thread is descheduled that long (a loaded machine), and the
                // publisher, a committed command's answer, would fail. Delivery stays best effort: a session
                // that could not take the event catches up by position.
                synchronized (user) {
                    user.sink().tryEmitNext(event);
                }
            }
        }
    }

    @Override
    public Flux<LiveEvent> subscribe(String address) {
        String key = key(address);
        return Flux.defer(() -> {
            // counting inside compute() makes "last session left, drop the sink" atomic with "a session joined"
            User user = users.compute(key, (k, existing) -> {
                User u = existing != null ? existing : new User(Sinks.many().multicast().directBestEffort(), new AtomicInteger());
                u.sessions().incrementAndGet();
                return u;
            });
            return user.sink().asFlux()
                .doFinally(signal -> users.computeIfPresent(key, (k, u) -> u.sessions().decrementAndGet() == 0 ? null : u));
        });
    }

    @Override
    public int sessions(String address) {
        User user = users.get(key(address));
        return user == null ? 0 : user.sessions().get();
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
