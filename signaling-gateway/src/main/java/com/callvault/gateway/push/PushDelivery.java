package com.callvault.gateway.push;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Sends prepared pushes over HTTP on an event loop and connection pool of its own, so a slow or failing push service
 * never holds a thread that serves browsers; that event loop runs at the push threads' low priority ({@link LowPriority}),
 * as its TLS work is CPU work done for pushes.
 */
final class PushDelivery implements AutoCloseable {

    /** The push service's answer: its status and {@code Retry-After}, if any. */
    record Answer(int status, String retryAfter) {
    }

    private final LoopResources loops = LoopResources.create("push-http", 1, true);
    private final ConnectionProvider pool;
    private final HttpClient client;

    PushDelivery(int maxConnections, Duration requestTimeout, int niceness) {
        loops.onClient(true).forEach(loop -> loop.execute(() -> LowPriority.lowerCurrentThread(niceness)));
        pool = ConnectionProvider.builder("push").maxConnections(maxConnections).pendingAcquireMaxCount(-1)
            .maxIdleTime(Duration.ofSeconds(30)).build();
        client = HttpClient.create(pool).runOn(loops).responseTimeout(requestTimeout)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(requestTimeout.toMillis(), 10_000));
    }

    /** The answer, or an error when no answer came (connection refused, closed, timed out). */
    Mono<Answer> send(PushRequests.Prepared request) {
        return client
            .headers(headers -> {
                request.headers().forEach(headers::set);
                headers.set("Content-Length", request.body().length);
            })
            .post().uri(request.endpoint())
            .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body())))
            .responseSingle((response, body) -> body.then(Mono.just(
                new Answer(response.status().code(), response.responseHeaders().get("Retry-After")))));
    }

    @Override
    public void close() {
        pool.dispose();
        loops.dispose();
    }
}
