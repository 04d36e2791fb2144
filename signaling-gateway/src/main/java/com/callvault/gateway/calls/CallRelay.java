package com.callvault.gateway.calls;

import com.callvault.api.identity.Address;
import com.callvault.gateway.calls.CallRoute.Side;
import com.callvault.gateway.live.LiveChannel;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.ServerFrames.CallSignalFrame;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Relays WebRTC signaling between the two devices of a live call, and only between them; it stores nothing.
 * The caller may start signaling while the call rings (an early offer and its candidates gather while the
 * callee decides): those signals are held, bounded, for the device that accepts, and released to it in order.
 * An answer is relayed only while the other side has an offer outstanding.
 */
@Component
class CallRelay {

    static final Set<String> KINDS = Set.of("offer", "answer", "candidate", "end-of-candidates");
    static final int MAX_SDP_CHARS = 32 * 1024;
    static final int MAX_CANDIDATE_CHARS = 1024;
    static final int MAX_MID_CHARS = 64;
    static final int MAX_UFRAG_CHARS = 256;
    static final int MAX_MLINE_INDEX = 1023;

    private final CallRoutes routes;
    private final LiveChannel live;

    CallRelay(CallRoutes routes, LiveChannel live) {
        this.routes = routes;
        this.live = live;
    }

    /**
     * Relays a signal, or throws the refusal. When this instance routes the call (nearly always: it saw the call's
     * events) that is done at once and answers null; else it answers the lookup of the route, then the relay.
     * The route is looked up by the id as sent, before it is parsed: a known route's id is a valid one.
     */
    Mono<Void> relay(Address me, String device, ClientFrame.CallSignal signal) {
        String callId = signal.callId();
        CallRoute known = callId == null ? null : routes.known(callId).orElse(null);
        if (known == null) {
            CallProblems.callId(callId);
        }
        int size = check(signal);
        if (known != null) {
            forward(known, me.value(), device, signal, size);
            return null;
        }
        return routes.find(callId)
            .switchIfEmpty(Mono.error(() -> CallProblems.notFound(callId)))
            .doOnNext(route -> forward(route, me.value(), device, signal, size))
            .then();
    }

    private void forward(CallRoute route, String me, String device, ClientFrame.CallSignal signal, int size) {
        if (route.ended()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "call-ended", "Conflict", "the call has ended");
        }
        Side side = route.sideOf(me, device);
        if (side == null) {
            boolean calleeBeforeAnswer = route.callee.equalsIgnoreCase(me) && !route.answered();
            throw calleeBeforeAnswer
                ? new ApiProblem(HttpStatus.CONFLICT, "call-not-answered", "Conflict", "accept the call on this device before signaling")
                : new ApiProblem(HttpStatus.FORBIDDEN, "not-in-call", "Forbidden", "this device is not in the call");
        }
        switch (signal.kind()) {
            case "offer" -> route.offered(side);
            case "answer" -> {
                if (!route.answers(side)) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "signal-out-of-order", "Conflict", "an answer needs an offer from the other side first");
                }
            }
            default -> { }
        }
        CallSignalFrame frame = new CallSignalFrame(route.callId, route.address(side), signal.kind(), signal.sdp(), signal.candidate(),
            signal.sdpMid(), signal.sdpMLineIndex(), signal.usernameFragment());
        Side to = CallRoute.other(side);
        String target = route.device(to);
        if (target == null) {
            if (!route.hold(frame, size)) {
                throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "signal-buffer-full", "Too Many Requests",
                    "at most " + CallRoute.MAX_HELD_SIGNALS + " signals are held until the call is answered");
            }
            return;
        }
        live.deliver(route.address(to), target, frame);
    }

    /** Checks a signal's shape but for its call id; answers its size in characters. */
    static int check(ClientFrame.CallSignal signal) {
        String kind = signal.kind();
        if (kind == null || !KINDS.contains(kind)) {
            throw CallProblems.invalid("\"kind\" is one of offer, answer, candidate, end-of-candidates");
        }
        int size = 0;
        switch (kind) {
            case "offer", "answer" -> {
                if (signal.sdp() == null || signal.sdp().isBlank()) {
                    throw CallProblems.invalid("an " + kind + " needs \"sdp\"");
                }
                size += limit(signal.sdp(), MAX_SDP_CHARS, "sdp");
            }
            case "candidate" -> {
                if (signal.candidate() == null) {
                    throw CallProblems.invalid("a candidate needs \"candidate\"");
                }
                if (signal.sdpMid() == null && signal.sdpMLineIndex() == null) {
                    throw CallProblems.invalid("a candidate needs \"sdpMid\" or \"sdpMLineIndex\"");
                }
                size += limit(signal.candidate(), MAX_CANDIDATE_CHARS, "candidate");
            }
            default -> { }
        }
        size += limit(signal.sdpMid(), MAX_MID_CHARS, "sdpMid") + limit(signal.usernameFragment(), MAX_UFRAG_CHARS, "usernameFragment");
        if (signal.sdpMLineIndex() != null && (signal.sdpMLineIndex() < 0 || signal.sdpMLineIndex() > MAX_MLINE_INDEX)) {
            throw CallProblems.invalid("\"sdpMLineIndex\" is 0 to " + MAX_MLINE_INDEX);
        }
        return size;
    }

    private static int limit(String value, int max, String field) {
        if (value == null) {
            return 0;
        }
        if (value.length() > max) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "signal-too-large", "Content Too Large",
                "\"" + field + "\" holds at most " + max + " characters");
        }
        return value.length();
    }
}
