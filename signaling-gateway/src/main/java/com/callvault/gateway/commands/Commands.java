package com.callvault.gateway.commands;

import com.callvault.api.RuleViolation;
import com.callvault.api.calls.CallId;
import com.callvault.gateway.problem.ApiProblem;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends commands as {@link Mono}s and turns refusals into {@link ApiProblem}s: a rule the aggregate
 * enforced keeps its {@link com.callvault.api.ErrorCode}; a command for an aggregate that does not exist is
 * {@code not-found}. The Mono completes after the unit of work committed: the events are stored.
 *
 * <p>Axon's command bus handles a command in the thread that sends it, with blocking JDBC. Commands are
 * therefore sent from a pool of their own, never from a Netty event loop: a blocked event loop would stall
 * every socket it serves. The pool is as large as the JDBC pool, the resource it waits for.
 */
@Component
public class Commands implements DisposableBean {

    static final int THREADS = 16;

    private final CommandGateway gateway;
    private final Scheduler scheduler = Schedulers.newBoundedElastic(THREADS, 100_000, "command");

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> send(Object command) {
        return Mono.<R>fromFuture(() -> gateway.send(command)).subscribeOn(scheduler).onErrorMap(Commands::toProblem);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }

    /** A refusal as the problem it is at the edges (also for refusals that come as data, as in a batch's results). */
    public static ApiProblem problem(RuleViolation rule) {
        HttpStatus status = HttpStatus.valueOf(rule.code().httpStatus());
        return new ApiProblem(status, rule.code().wireName(), status.getReasonPhrase(), rule.message());
    }

    static Throwable toProblem(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CommandExecutionException refused && refused.getDetails().orElse(null) instanceof RuleViolation rule) {
            return problem(rule);
        }
        if (cause instanceof AggregateNotFoundException missing) {
            boolean call = String.valueOf(missing.getAggregateIdentifier()).startsWith(CallId.PREFIX + ":");
            return call
                ? new ApiProblem(HttpStatus.NOT_FOUND, "call-not-found", "Not Found", "There is no such call")
                : new ApiProblem(HttpStatus.NOT_FOUND, "conversation-not-found", "Not Found", "There is no such conversation");
        }
        return cause;
    }
}
