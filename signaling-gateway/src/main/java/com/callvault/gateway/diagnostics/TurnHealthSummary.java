package com.callvault.gateway.diagnostics;

import reactor.core.publisher.Mono;

/**
 * How the TURN servers are doing right now (allocations tried from this server), when the app has a bean of this
 * type: the {@code turn} check adds it to what the configuration says, and the worse status wins. Without one, the
 * check reports the configuration only.
 */
@FunctionalInterface
public interface TurnHealthSummary {

    Mono<CheckResult> summary();
}
