package com.callvault.gateway.diagnostics;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * One check of the production configuration, run by {@link Diagnostics} for {@code GET /api/admin/diagnostics} and
 * {@code java -jar callvault.jar diagnose}. Every bean of this type is a check; each runs under its own
 * {@link #timeout()}, so one that hangs cannot hang the report. A check never puts a secret in its result
 * ({@link SecretMask} masks the configured ones again, should one slip through).
 */
public interface DiagnosticCheck {

    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** A short, stable name in kebab case ({@code database}, {@code turn}, ...). */
    String name();

    /** The result; {@code request} is {@link RequestView#NONE} from the command line. */
    Mono<CheckResult> run(RequestView request);

    default Duration timeout() {
        return DEFAULT_TIMEOUT;
    }

    /** Whether the check only makes sense for an HTTP request (it is left out from the command line). */
    default boolean needsRequest() {
        return false;
    }
}
