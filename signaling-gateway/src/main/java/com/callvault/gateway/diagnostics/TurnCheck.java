package com.callvault.gateway.diagnostics;

import com.callvault.gateway.ice.IceProperties;
import com.callvault.gateway.ice.IceSettings;
import com.callvault.gateway.ice.IceUri;
import com.callvault.gateway.ice.TurnMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * {@code turn}: the TURN mode and servers as configured ({@code TURN_MODE}, {@code TURN_URLS}, the credentials by
 * count only), with the warnings the start-up log gives; settings the server would refuse are a {@code fail} naming
 * the variable (the command line reads them without starting the server). A {@link TurnHealthSummary}, when present,
 * adds how the servers answer.
 */
final class TurnCheck implements DiagnosticCheck {

    private final IceProperties properties;
    private final Supplier<TurnHealthSummary> health;

    TurnCheck(IceProperties properties, Supplier<TurnHealthSummary> health) {
        this.properties = properties;
        this.health = health;
    }

    @Override
    public String name() {
        return "turn";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        CheckResult configured = configured();
        TurnHealthSummary summary = configured.status() == CheckStatus.FAIL ? null : health.get();
        if (summary == null) {
            return Mono.just(configured);
        }
        return summary.summary().map(live -> {
            Map<String, Object> details = new LinkedHashMap<>(configured.details());
            details.put("health", live.details());
            return CheckResult.of(configured.status().worst(live.status()), configured.summary() + " " + live.summary(), details);
        });
    }

    CheckResult configured() {
        return onIceSettings(properties, this::configured);
    }

    /** {@code check} on the ICE settings as the server reads them; settings it would refuse are a fail saying why. */
    static CheckResult onIceSettings(IceProperties properties, Function<IceSettings, CheckResult> check) {
        IceSettings settings;
        try {
            settings = IceSettings.from(properties);
        } catch (IllegalArgumentException refused) {
            return CheckResult.fail("The server refuses these ICE settings: " + refused.getMessage(), Map.of());
        }
        return check.apply(settings);
    }

    private CheckResult configured(IceSettings settings) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", settings.mode().wireName());
        details.put("turnUris", settings.turnUris().stream().map(IceUri::toString).toList());
        details.put("transports", transports(settings.turnUris()));
        details.put("secrets", settings.secrets().size());
        details.put("staticCredential", settings.mode() == TurnMode.CUSTOM ? "set" : "unused");
        details.put("credentialTtlSeconds", settings.ttl().toSeconds());
        List<String> warnings = settings.warnings();
        details.put("warnings", warnings);
        String what = switch (settings.mode()) {
            case REST -> "TURN_MODE=rest: " + settings.turnUris().size() + " TURN URI(s) (" + String.join(", ", transports(settings.turnUris()))
                + "), credentials signed with TURN_SECRET (" + settings.secrets().size() + " secret(s)), valid " + settings.ttl().toMinutes() + " min.";
            case CUSTOM -> "TURN_MODE=custom: " + settings.turnUris().size() + " TURN URI(s) (" + String.join(", ", transports(settings.turnUris()))
                + ") with one static credential for everyone.";
            case NONE -> ""; // its warning says it all
        };
        String said = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of(what), warnings.stream())
            .filter(part -> !part.isEmpty()).toList());
        return warnings.isEmpty() ? CheckResult.ok(said, details) : CheckResult.warn(said, details);
    }

    /** The distinct transports the URIs use, {@code tls} for {@code turns:}. */
    private static List<String> transports(List<IceUri> uris) {
        return uris.stream().map(uri -> uri.secure() ? "tls" : uri.effectiveTransport()).distinct().sorted().toList();
    }
}
