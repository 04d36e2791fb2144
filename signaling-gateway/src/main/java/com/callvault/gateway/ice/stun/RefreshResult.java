package com.callvault.gateway.ice.stun;

import java.time.Duration;

/** What a TURN Refresh came to: the lifetime granted, or the server's error. */
public sealed interface RefreshResult permits RefreshResult.Refreshed, TurnRejected {

    record Refreshed(Duration lifetime) implements RefreshResult {
    }
}
