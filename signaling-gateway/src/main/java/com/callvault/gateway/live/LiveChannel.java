package com.callvault.gateway.live;

import java.util.Collection;
import reactor.core.publisher.Flux;

/**
 * Fan-out to the open sessions of users. Publishers call it only after the change is committed. Live
 * delivery is best effort: a session that misses something catches up by position on reconnect.
 * This instance's implementation is in-process; a cross-instance one (PostgreSQL LISTEN/NOTIFY after
 * commit, or a broker) implements the same interface.
 */
public interface LiveChannel {

    /** Delivers {@code event} to every open session of each address (EIP-55 or lower case). */
    void publish(Collection<String> addresses, LiveEvent event);

    /** The events for one address, from now on, until the subscriber cancels. */
    Flux<LiveEvent> subscribe(String address);

    /** How many sessions of this address are open here. */
    int sessions(String address);
}
