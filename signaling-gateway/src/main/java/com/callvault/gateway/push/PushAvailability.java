package com.callvault.gateway.push;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a push can reach a user at all: push is configured and they have a live subscription. A caller is told
 * "push sent" from this answer, and the push itself follows from the call's events ({@link PushNotifier}).
 */
@Component
public class PushAvailability {

    private final PushSettings settings;
    private final PushSubscriptionStore store;

    PushAvailability(PushSettings settings, PushSubscriptionStore store) {
        this.settings = settings;
        this.store = store;
    }

    public Mono<Boolean> reachable(String address) {
        return settings.enabled() ? store.any(address) : Mono.just(false);
    }
}
