package com.callvault.gateway.problem;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error that leaves the server as problem details: ours keep their code; framework errors (unknown
 * route, unsupported method, unreadable body) get a code from their status; anything unexpected is a 500
 * whose detail says nothing about the inside, and is logged here with its stack trace.
 */
@Component
@Order(-2) // before Boot's default error handler
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return writer.write(exchange, toProblem(error, exchange));
    }

    static ApiProblem toProblem(Throwable error, ServerWebExchange exchange) {
        if (error instanceof ApiProblem problem) {
            return problem;
        }
        if (error instanceof ServerWebInputException input) {
            return ApiProblem.badRequest(input.getReason() == null ? "The request body or parameters could not be read" : input.getReason());
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus http = HttpStatus.resolve(status.getStatusCode().value());
            HttpStatus resolved = http == null ? HttpStatus.INTERNAL_SERVER_ERROR : http;
            String code = resolved.name().toLowerCase(Locale.ROOT).replace('_', '-');
            String detail = resolved == HttpStatus.NOT_FOUND
                ? "There is nothing at " + exchange.getRequest().getPath().value()
                : status.getReason() == null ? resolved.getReasonPhrase() : status.getReason();
            return new ApiProblem(resolved, code, resolved.getReasonPhrase(), detail);
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
            "The server could not complete the request; it has been logged");
    }
}
