package com.callvault.gateway.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps sockets alive and finds dead ones: every {@link LiveSettings#heartbeat()} one sweep pings every open socket
 * and closes those silent (no frame, no pong) for longer than {@link LiveSettings#idleTimeout()}. One timer for all
 * the sockets: a timer per socket cost each idle socket a scheduled task and a merge of its outbound with the pings.
 */
@Component
class HeartbeatSweep implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatSweep.class);
    static final CloseStatus NO_HEARTBEAT = CloseStatus.GOING_AWAY.withReason("no heartbeat");

    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final long idleTimeoutNanos;
    private final Disposable timer;

    HeartbeatSweep(LiveSettings settings) {
        this.idleTimeoutNanos = settings.idleTimeout().toNanos();
        long period = settings.heartbeat().toNanos();
        this.timer = Schedulers.parallel().schedulePeriodically(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    void add(Connection connection) {
        connections.add(connection);
    }

    void remove(Connection connection) {
        connections.remove(connection);
    }

    void sweep() {
        long now = System.nanoTime();
        for (Connection connection : connections) {
            try {
                if (connection.silentFor(now) > idleTimeoutNanos) {
                    connections.remove(connection);
                    connection.close(NO_HEARTBEAT);
                } else {
                    connection.ping();
                }
            } catch (RuntimeException e) {
                // one broken socket must not stop the sweep: a periodic task that throws is never run again
                log.warn("Heartbeat of a socket of {} failed", connection.me(), e);
            }
        }
    }

    @Override
    public void destroy() {
        timer.dispose();
    }
}
