package com.callvault.gateway.rsocket;

import com.callvault.api.identity.Address;
import com.callvault.gateway.live.ClientRequests;
import com.callvault.gateway.live.ConversationDirectory;
import com.callvault.gateway.live.LiveChannel;
import com.callvault.gateway.live.LiveEvent;
import com.callvault.gateway.live.LiveSettings;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames;
import com.callvault.query.messaging.FindInbox;
import com.callvault.query.messaging.InboxView;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.stereotype.Controller;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The RSocket face of messaging, with the WebSocket's frame shapes (docs/protocol/asyncapi.yaml):
 * {@code messages.send} (request-response), {@code conversations.{id}.timeline} and {@code inbox} (request-stream).
 */
@Controller
class RSocketMessaging {

    private final RSocketSessions sessions;
    private final ClientRequests requests;
    private final ConversationDirectory directory;
    private final LiveChannel live;
    private final LiveSettings settings;
    private final QueryGateway queries;

    RSocketMessaging(RSocketSessions sessions, ClientRequests requests, ConversationDirectory directory, LiveChannel live,
                     LiveSettings settings, QueryGateway queries) {
        this.sessions = sessions;
        this.requests = requests;
        this.directory = directory;
        this.live = live;
        this.settings = settings;
        this.queries = queries;
    }

    /** A {@code send} frame in, its {@code ack} or {@code error} frame out. */
    @MessageMapping("messages.send")
    Mono<ServerFrame> send(@Payload ClientFrame.Send send, RSocketRequester requester) {
        Address me = Address.of(sessions.user(requester).address());
        return requests.handle(me, send);
    }

    /**
     * The conversation's changes after {@code afterPosition} (data {@code {"afterPosition": n}}; all when absent),
     * page after page, then its live changes, without gaps or repeats: live changes are held while the history
     * is read. A subscriber that lets too many pile up gets {@code too-slow} and resubscribes from its position.
     */
    @MessageMapping("conversations.{conversationId}.timeline")
    Flux<ServerFrame> timeline(@DestinationVariable String conversationId, @Payload(required = false) Map<String, Object> request,
                               RSocketRequester requester) {
        String me = sessions.user(requester).address();
        long after = request != null && request.get("afterPosition") instanceof Number n ? n.longValue() : -1;
        return Flux.defer(() -> {
            Sinks.Many<LiveEvent> held = Sinks.many().unicast().onBackpressureBuffer(Queues.<LiveEvent>get(settings.sendBuffer()).get());
            Disposable subscription = live.subscribe(me).filter(event -> conversationId.equals(event.conversationId()))
                .subscribe(event -> hold(held, event));
            AtomicLong reached = new AtomicLong(after);
            Flux<ServerFrame> history = directory.changesSince(conversationId, me, after, settings.syncLimit())
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "conversation-not-found", "Not Found",
                    "There is no conversation " + conversationId)))
                .expand(batch -> batch.limited() ? directory.changesSince(conversationId, me, batch.lastPosition(), settings.syncLimit()) : Mono.empty())
                .concatMap(batch -> {
                    reached.set(batch.lastPosition());
                    return Flux.fromIterable(batch.frames());
                });
            Flux<ServerFrame> newer = held.asFlux().filter(event -> event.position() < 0 || event.position() > reached.get()).map(LiveEvent::frame);
            return Flux.concat(history, newer).doFinally(signal -> subscription.dispose());
        });
    }

    private static void hold(Sinks.Many<LiveEvent> held, LiveEvent event) {
        Sinks.EmitResult result;
        synchronized (held) { // publishers on several threads
            result = held.tryEmitNext(event);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            held.tryEmitError(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-slow", "Too slow",
                "The stream fell too far behind; subscribe again from the last position you have"));
        }
    }

    /** Refusals cross RSocket as {@code error} frames with their code, as over WebSocket. */
    @MessageExceptionHandler
    Mono<ServerFrame> refused(ApiProblem problem) {
        return Mono.just(new ServerFrames.ErrorFrame(null, problem.code(), problem.detail()));
    }

    /** The inbox now, then again whenever one of the user's conversations changes (at most every 250 ms). */
    @MessageMapping("inbox")
    Flux<InboxView> inbox(RSocketRequester requester) {
        String me = sessions.user(requester).address();
        Flux<Object> changes = live.subscribe(me).filter(event -> event.position() >= 0).sample(Duration.ofMillis(250)).cast(Object.class);
        return Flux.concat(Flux.just((Object) "now"), changes)
            .concatMap(tick -> Mono.fromFuture(() -> queries.query(new FindInbox(me), InboxView.class)));
    }
}
