package com.callvault.gateway.live;

import com.callvault.gateway.protocol.ServerFrame;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import reactor.core.Disposable;
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

    /**
     * Delivers {@code frame} only to the sessions of {@code address} connected as {@code device}: calls ring, answer
     * and relay per device.
     */
    void deliver(String address, String device, ServerFrame frame);

    /** Every event for one address, from now on, until the subscriber cancels (streams that are no device). */
    Flux<LiveEvent> subscribe(String address);

    /**
     * Joins as a session of {@code address} connected as {@code device}: from now on until disposed, {@code receiver}
     * gets every event published for the address and the frames delivered to the device (as events outside any
     * conversation), called from the publishers' threads, possibly at once (it must be thread-safe and quick);
     * meanwhile the device counts as online ({@link #devices}).
     */
    Disposable join(String address, String device, Consumer<LiveEvent> receiver);

    /** How many sessions of this address are open here. */
    int sessions(String address);

    /** The devices of this address that are online (connected as a device), in the order they connected. */
    Set<String> devices(String address);
}
