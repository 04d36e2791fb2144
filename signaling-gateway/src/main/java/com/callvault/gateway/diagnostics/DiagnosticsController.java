package com.callvault.gateway.diagnostics;

import com.callvault.gateway.settings.CallVaultProperties;
import com.callvault.gateway.settings.TrustedProxyHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/admin/diagnostics}: the production configuration checked, one report (admins only: the security
 * configuration guards {@code /api/admin/**}). It takes no parameters. docs/operations.md explains every check.
 */
@RestController
class DiagnosticsController {

    static final String PATH = TrustedProxyHeaders.DIAGNOSTICS_PATH;

    private final Diagnostics diagnostics;
    private final boolean trustProxy;

    DiagnosticsController(Diagnostics diagnostics, CallVaultProperties properties) {
        this.diagnostics = diagnostics;
        this.trustProxy = properties.trustProxy();
    }

    @GetMapping(PATH)
    Mono<DiagnosticReport> report(ServerHttpRequest request) {
        return diagnostics.run(RequestView.of(request, trustProxy));
    }
}
