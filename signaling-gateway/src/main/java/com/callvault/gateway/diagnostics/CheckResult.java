package com.callvault.gateway.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one check found: a status, a sentence an operator can act on, and the facts behind it (never a secret).
 *
 * @param details ordered facts: strings, numbers, booleans, lists and maps of those
 */
public record CheckResult(CheckStatus status, String summary, Map<String, Object> details) {

    public CheckResult {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static CheckResult ok(String summary, Map<String, Object> details) {
        return new CheckResult(CheckStatus.OK, summary, details);
    }

    public static CheckResult warn(String summary, Map<String, Object> details) {
        return new CheckResult(CheckStatus.WARN, summary, details);
    }

    public static CheckResult fail(String summary, Map<String, Object> details) {
        return new CheckResult(CheckStatus.FAIL, summary, details);
    }

    public static CheckResult of(CheckStatus status, String summary, Map<String, Object> details) {
        return new CheckResult(status, summary, details);
    }
}
