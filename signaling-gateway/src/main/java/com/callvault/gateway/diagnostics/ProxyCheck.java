package com.callvault.gateway.diagnostics;

import com.callvault.gateway.settings.CallVaultProperties;
import com.callvault.gateway.settings.PublicUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxy}: how this very request reached the app. Behind a reverse proxy ({@code TRUST_PROXY=true}) the
 * forwarded headers tell the app the scheme and host users typed; they must add up to {@code PUBLIC_URL}, or sign-in
 * and WebSocket origin checks fail for users. A request that came through the proxy as https to that host shows the
 * route {@code wss://host/ws} takes as well. Only answered over HTTP: the command line has no request.
 */
final class ProxyCheck implements DiagnosticCheck {

    private final CallVaultProperties properties;

    ProxyCheck(CallVaultProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "proxy";
    }

    @Override
    public boolean needsRequest() {
        return true;
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        return Mono.fromSupplier(() -> check(request));
    }

    private CheckResult check(RequestView request) {
        String publicOrigin;
        try {
            publicOrigin = PublicUrl.parse(properties.publicUrl()).origin();
        } catch (IllegalArgumentException refused) {
            return CheckResult.fail(refused.getMessage(), Map.of());
        }
        boolean trust = properties.trustProxy();
        boolean forwarded = !request.forwarded().isEmpty();
        String arrived = RequestView.origin(request.arrivedAs());
        if (request.seenAs() == null) {
            return CheckResult.fail("The proxy's forwarded headers cannot be read (" + request.forwarded() + "): the app refuses every "
                + "request that carries them with 400", Map.of("forwardedHeaders", request.forwarded()));
        }
        String seen = RequestView.origin(request.seenAs());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trustProxy", trust);
        details.put("forwardedHeaders", request.forwarded());
        details.put("arrivedAs", arrived);
        details.put("appSeesRequestsAs", seen);
        details.put("publicUrl", publicOrigin);
        if (!trust && forwarded) {
            return CheckResult.warn("This request came through a proxy (it sent " + String.join(", ", request.forwarded().keySet())
                + ") but TRUST_PROXY=false, so the app ignores those headers and sees " + arrived + ": set TRUST_PROXY=true if the proxy "
                + "is yours", details);
        }
        if (trust && !forwarded) {
            return CheckResult.warn("TRUST_PROXY=true, but this request carried no forwarded headers (it reached the app as " + arrived
                + "): it did not come through the proxy, or the proxy does not send X-Forwarded-Proto/X-Forwarded-Host or Forwarded",
                details);
        }
        if (!forwarded) {
            return CheckResult.ok("No proxy in the way: this request reached the app directly as " + arrived + " (PUBLIC_URL is "
                + publicOrigin + ")", details);
        }
        if (!seen.equals(publicOrigin)) {
            return CheckResult.warn("Through the proxy the app sees this request as " + seen + ", but PUBLIC_URL is " + publicOrigin
                + ": sign-in and WebSocket origin checks use PUBLIC_URL, so users on " + seen + " are refused; make the proxy forward "
                + "the public scheme and host, or correct PUBLIC_URL", details);
        }
        String webSocket = (seen.startsWith("https:") ? "wss" : "ws") + seen.substring(seen.indexOf(':')) + "/ws";
        return CheckResult.ok("This request came through the proxy as " + seen + ", the origin in PUBLIC_URL: " + webSocket
            + " takes the same route (the proxy must pass WebSocket upgrades and keep idle sockets open longer than 60 s)", details);
    }
}
