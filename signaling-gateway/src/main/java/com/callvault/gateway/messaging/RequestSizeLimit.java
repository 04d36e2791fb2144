package com.callvault.gateway.messaging;

import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.problem.ProblemWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses conversation request bodies over {@value #MAX_BYTES} bytes before they are read into memory: a
 * message holds at most 4096 characters, so anything much larger is a mistake or an attack. A declared
 * {@code Content-Length} is refused at once; a chunked body is counted as it arrives.
 */
@Component
class RequestSizeLimit implements WebFilter {

    static final int MAX_BYTES = 64 * 1024;
    private static final String PATH = "/api/conversations";

    private final ProblemWriter problems;

    RequestSizeLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
            return chain.filter(exchange);
        }
        if (request.getHeaders().getContentLength() > MAX_BYTES) {
            return problems.write(exchange, tooLarge());
        }
        return chain.filter(exchange.mutate().request(new Counted(request)).build());
    }

    static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
            "A request body here is at most " + MAX_BYTES + " bytes");
    }

    private static final class Counted extends ServerHttpRequestDecorator {

        Counted(ServerHttpRequest request) {
            super(request);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > MAX_BYTES) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
