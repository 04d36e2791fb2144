package com.callvault.gateway.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WebSocket settings.
 *
 * @param heartbeat   how often the server pings an idle socket
 * @param idleTimeout a socket silent this long (no frame, no pong) is closed as dead
 * @param sendBuffer  frames queued for one socket before it is closed as too slow
 * @param syncLimit   changes one sync sends per conversation before answering {@code limited}
 */
@ConfigurationProperties("callvault.websocket")
public record LiveSettings(Duration heartbeat, Duration idleTimeout, int sendBuffer, int syncLimit) {

    public LiveSettings {
        heartbeat = heartbeat == null ? Duration.ofSeconds(25) : heartbeat;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        sendBuffer = sendBuffer <= 0 ? 1024 : sendBuffer;
        syncLimit = syncLimit <= 0 ? 500 : syncLimit;
    }
}
