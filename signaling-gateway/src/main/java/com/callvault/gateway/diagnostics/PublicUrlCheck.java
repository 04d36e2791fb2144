package com.callvault.gateway.diagnostics;

import com.callvault.gateway.settings.CallVaultProperties;
import com.callvault.gateway.settings.PublicUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code public-url}: the origin users reach ({@code PUBLIC_URL}) and the WebSocket URL browsers derive from it. Only
 * https gives {@code wss}, and browsers allow camera and microphone only on https pages (or on localhost), so http is
 * a failure anywhere but on a developer's machine.
 */
final class PublicUrlCheck implements DiagnosticCheck {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final CallVaultProperties properties;

    PublicUrlCheck(CallVaultProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "public-url";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        return Mono.fromSupplier(this::check);
    }

    private CheckResult check() {
        PublicUrl url;
        try {
            url = PublicUrl.parse(properties.publicUrl());
        } catch (IllegalArgumentException refused) {
            return CheckResult.fail(refused.getMessage(), Map.of());
        }
        String webSocket = (url.secure() ? "wss://" : "ws://") + url.authority() + "/ws";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("publicUrl", url.origin());
        details.put("webSocketUrl", webSocket);
        details.put("trustProxy", properties.trustProxy());
        if (url.secure()) {
            return CheckResult.ok("PUBLIC_URL is " + url.origin() + ": browsers open " + webSocket, details);
        }
        if (LOCAL_HOSTS.contains(url.host())) {
            return CheckResult.warn("PUBLIC_URL is " + url.origin() + ": fine on this machine; a deployment needs an https origin "
                + "(wss, camera and microphone)", details);
        }
        return CheckResult.fail("PUBLIC_URL is " + url.origin() + ": browsers refuse camera and microphone on http pages other than "
            + "localhost, and the WebSocket is unencrypted; put the app behind TLS and set PUBLIC_URL=https://...", details);
    }
}
