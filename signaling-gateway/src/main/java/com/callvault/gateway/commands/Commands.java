package com.callvault.gateway.commands;

import com.callvault.api.RuleViolation;
import com.callvault.api.calls.CallId;
import com.callvault.gateway.problem.ApiProblem;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends commands as {@link Mono}s and turns refusals into {@link ApiProblem}s: a rule the aggregate
 * enforced keeps its {@link com.callvault.api.ErrorCode}; a command for an aggregate that does not exist is
 * {@code not-found}. The Mono completes after the unit of work committed: the events are stored.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> send(Object command) {
        return Mono.<R>fromFuture(() -> gateway.send(command)).onErrorMap(Commands::toProblem);
    }

    static Throwable toProblem(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CommandExecutionException refused && refused.getDetails().orElse(null) instanceof RuleViolation rule) {
            HttpStatus status = HttpStatus.valueOf(rule.code().httpStatus());
            return new ApiProblem(status, rule.code().wireName(), status.getReasonPhrase(), rule.message());
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
