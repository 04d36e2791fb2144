package com.callvault.gateway.diagnostics;

import com.callvault.gateway.ice.IceProperties;
import com.callvault.gateway.ice.IceSettings;
import com.callvault.gateway.ice.IceUri;
import com.callvault.gateway.ice.TurnMode;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code stun}: the STUN servers browsers get ({@code STUN_URLS}). None is fine when TURN servers are configured (they
 * answer STUN too, so browsers still learn their public address); with neither, calls only work on one network.
 */
final class StunCheck implements DiagnosticCheck {

    private final IceProperties properties;

    StunCheck(IceProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "stun";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        return Mono.fromSupplier(this::check);
    }

    private CheckResult check() {
        return TurnCheck.onIceSettings(properties, this::check);
    }

    private CheckResult check(IceSettings settings) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stunUris", settings.stunUris().stream().map(IceUri::toString).toList());
        int count = settings.stunUris().size();
        if (count > 0) {
            return CheckResult.ok(count + " STUN URI(s) configured (STUN_URLS)", details);
        }
        if (settings.mode() != TurnMode.NONE) {
            return CheckResult.ok("STUN_URLS is empty; browsers learn their public address from the TURN servers, which answer STUN too",
                details);
        }
        return CheckResult.warn("Neither STUN_URLS nor TURN servers: browsers only know their local addresses, so calls connect only "
            + "between devices on the same network", details);
    }
}
