package com.callvault.gateway.diagnostics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every {@link DiagnosticCheck} at once, each under its own time limit, and gathers one {@link DiagnosticReport}
 * in the checks' order. A check that throws or overruns is reported as {@code fail} with the reason in words; the
 * others are unaffected. Every result passes through the {@link SecretMask}.
 */
public final class Diagnostics {

    private final List<DiagnosticCheck> checks;
    private final SecretMask mask;
    private final Clock clock;

    public Diagnostics(List<DiagnosticCheck> checks, SecretMask mask, Clock clock) {
        this.checks = List.copyOf(checks);
        this.mask = mask;
        this.clock = clock;
    }

    public Mono<DiagnosticReport> run(RequestView request) {
        return Flux.fromIterable(checks)
            .filter(check -> request.present() || !check.needsRequest())
            .flatMapSequential(check -> runOne(check, request))
            .collectList()
            .map(results -> DiagnosticReport.of(clock.instant(), results));
    }

    private Mono<DiagnosticReport.Check> runOne(DiagnosticCheck check, RequestView request) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            Duration limit = check.timeout();
            return Mono.defer(() -> check.run(request))
                .timeout(limit)
                .onErrorResume(TimeoutException.class, e -> Mono.just(CheckResult.fail(
                    "No answer within " + limit.toMillis() + " ms: whatever it waits for (database, network, disk) is hanging", Map.of())))
                .onErrorResume(e -> Mono.just(CheckResult.fail("The check could not run: " + describe(e), Map.of())))
                .switchIfEmpty(Mono.fromSupplier(() -> CheckResult.fail("The check gave no result", Map.of())))
                .map(mask::apply)
                .map(result -> new DiagnosticReport.Check(check.name(), result.status(), result.summary(), result.details(),
                    (System.nanoTime() - started) / 1_000_000));
        });
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // one line: drivers put positions and hints on lines of their own
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip().replaceAll("\\s*\\n\\s*", "; ");
        return root.getClass().getSimpleName() + message;
    }
}
