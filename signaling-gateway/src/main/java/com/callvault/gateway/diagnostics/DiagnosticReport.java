package com.callvault.gateway.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/admin/diagnostics} and what {@code diagnose} prints: every check's result and the
 * overall verdict, the worst of them.
 */
public record DiagnosticReport(CheckStatus verdict, Instant generatedAt, List<Check> checks) {

    /** One check's result under its name, with how long it took. */
    public record Check(String name, CheckStatus status, String summary, Map<String, Object> details, long tookMillis) {
    }

    public static DiagnosticReport of(Instant generatedAt, List<Check> checks) {
        CheckStatus verdict = checks.stream().map(Check::status).reduce(CheckStatus.OK, CheckStatus::worst);
        return new DiagnosticReport(verdict, generatedAt, List.copyOf(checks));
    }
}
