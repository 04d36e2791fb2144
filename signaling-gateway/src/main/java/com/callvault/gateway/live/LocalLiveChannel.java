package com.callvault.gateway.live;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

    /** A connected user: the sink, the open sessions, and how many sessions each device has open. */
    private record User(Sinks.Many<LiveEvent> sink, AtomicInteger sessions, Map<String, Integer> devices) {
    }

    private final ConcurrentMap<String, User> users = new ConcurrentHashMap<>();

    @Override
    public void publish(Collection<String> addresses, LiveEvent event) {
        for (String address : addresses) {
            User user = users.get(key(address));
            if (user != null) {
                // emissions to one user from several threads are serialized by retrying briefly
                user.sink().emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
            }
        }
    }

    @Override
    public Flux<LiveEvent> subscribe(String address) {
        return join(address, null);
    }

    @Override
    public Flux<LiveEvent> subscribe(String address, String device) {
        return join(address, device).filter(event -> event.isFor(device));
    }

    private Flux<LiveEvent> join(String address, String device) {
        String key = key(address);
        return Flux.defer(() -> {
            // counting inside compute() makes "last session left, drop the sink" atomic with "a session joined"
            User user = users.compute(key, (k, existing) -> {
                User u = existing != null ? existing
                    : new User(Sinks.many().multicast().directBestEffort(), new AtomicInteger(), new LinkedHashMap<>());
                u.sessions().incrementAndGet();
                if (device != null) {
                    u.devices().merge(device, 1, Integer::sum);
                }
                return u;
            });
            return user.sink().asFlux().doFinally(signal -> users.computeIfPresent(key, (k, u) -> {
                if (device != null) {
                    u.devices().computeIfPresent(device, (d, n) -> n == 1 ? null : n - 1);
                }
                return u.sessions().decrementAndGet() == 0 ? null : u;
            }));
        });
    }

    @Override
    public int sessions(String address) {
        User user = users.get(key(address));
        return user == null ? 0 : user.sessions().get();
    }

    @Override
    public Set<String> devices(String address) {
        Set<String> devices = new LinkedHashSet<>();
        // read under the map's lock for this key: the device map is only changed inside compute()
        users.computeIfPresent(key(address), (k, u) -> {
            devices.addAll(u.devices().keySet());
            return u;
        });
        return devices;
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
