package com.callvault.gateway.live;

import java.util.Collection;
import java.util.Set;
import reactor.core.publisher.Flux;

/**
 * Fan-out to the open sessions of users. Publishers call it only after the change is committed. Live
 * delivery is best effort: a session that misses something catches up by position on reconnect.
 * This instance's implementation is in-process; a cross-instance one (PostgreSQL LISTEN/NOTIFY after
 * commit, or a broker) implements the same interface.
 */
public interface LiveChannel {

    /** Delivers {@code event} to every open session of each address (EIP-55 or lower case) it is for. */
    void publish(Collection<String> addresses, LiveEvent event);

    /** Every event for one address, from now on, until the subscriber cancels (streams that are no device). */
    Flux<LiveEvent> subscribe(String address);

    /**
     * The events for one address that are for every session or for {@code device}, from now on; while subscribed,
     * the device counts as online ({@link #devices}).
     */
    Flux<LiveEvent> subscribe(String address, String device);

    /** How many sessions of this address are open here. */
    int sessions(String address);

    /** The devices of this address that are online (connected as a device), in the order they connected. */
    Set<String> devices(String address);
}
