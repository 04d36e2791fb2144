package com.callvault.gateway.calls;

import com.callvault.query.calls.FindLiveCall;
import com.callvault.query.calls.LiveCallView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The routes of the calls this instance has seen, kept up to date by {@link CallFanOut} as call events commit.
 * A call this instance has not seen (placed through another instance, or before a restart) is looked up once in
 * the live-calls index. Ended calls stay for {@link #KEEP_ENDED} so that a late signal is told the call ended.
 */
@Component
class CallRoutes {

    static final Duration KEEP_ENDED = Duration.ofMinutes(2);

    private record Ended(String callId, Instant at) {
    }

    private final ConcurrentMap<String, CallRoute> routes = new ConcurrentHashMap<>();
    /** Lower-case address → how many of the routes here that have not ended it is a party of. */
    private final ConcurrentMap<String, Integer> liveCallsByParty = new ConcurrentHashMap<>();
    private final Queue<Ended> ended = new ConcurrentLinkedQueue<>();
    private final QueryGateway queries;
    private final Clock clock;

    CallRoutes(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The route of a call, or empty when there is no such live or recently ended call. */
    Mono<CallRoute> find(String callId) {
        CallRoute known = routes.get(callId);
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.fromFuture(() -> queries.query(new FindLiveCall(callId), ResponseTypes.optionalInstanceOf(LiveCallView.class)))
            .flatMap(Mono::justOrEmpty)
            .map(view -> routes.computeIfAbsent(callId, id -> live(new CallRoute(id, view.caller(), view.callee(), view.media(),
                view.callerDevice(), view.calleeDevice(), view.ringsUntil()))));
    }

    /** The route as this instance knows it, without a lookup. */
    Optional<CallRoute> known(String callId) {
        return Optional.ofNullable(routes.get(callId));
    }

    CallRoute invited(String callId, String caller, String callee, String media, String callerDevice, Instant ringsUntil) {
        return routes.computeIfAbsent(callId, id -> live(new CallRoute(id, caller, callee, media, callerDevice, null, ringsUntil)));
    }

    /**
     * Whether {@code address} is a party of a call routed here that has not ended. A hint, not the busy check (that
     * reads the live-calls index after the invite commits, ADR 0004): a call to someone in a call here is not rung
     * before that check, so their devices do not flash an incoming call.
     */
    boolean inLiveCall(String address) {
        return liveCallsByParty.containsKey(address.toLowerCase(Locale.ROOT));
    }

    private CallRoute live(CallRoute route) {
        for (String party : List.of(route.caller, route.callee)) {
            liveCallsByParty.merge(party.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return route;
    }

    /** Marks the call ended and forgets calls that ended longer than {@link #KEEP_ENDED} ago. */
    void ended(CallRoute route) {
        if (route.end()) {
            for (String party : List.of(route.caller, route.callee)) {
                liveCallsByParty.computeIfPresent(party.toLowerCase(Locale.ROOT), (k, n) -> n == 1 ? null : n - 1);
            }
        }
        ended.add(new Ended(route.callId, clock.instant()));
        Instant horizon = clock.instant().minus(KEEP_ENDED);
        for (Ended oldest = ended.peek(); oldest != null && oldest.at().isBefore(horizon); oldest = ended.peek()) {
            if (ended.remove(oldest)) {
                routes.remove(oldest.callId());
            }
        }
    }

    /** Calls answered and not ended among the routes here (a gauge: counted when scraped). */
    long answeredAndLive() {
        return routes.values().stream().filter(route -> route.answered() && !route.ended()).count();
    }
}
