package com.callvault.gateway.calls;

import com.callvault.api.calls.CallId;
import com.callvault.api.calls.CallMedia;
import com.callvault.api.calls.CallStatus;
import com.callvault.api.calls.CandidateType;
import com.callvault.api.calls.TransportProtocol;
import com.callvault.api.identity.Address;
import com.callvault.gateway.live.ClientRequests;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.ClientFrame.CallFrame;
import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames.CallScoredFrame;
import com.callvault.gateway.protocol.ServerFrames.CallStatusFrame;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Carries out the call frames of one device's socket. Requests are answered with {@code call.status} (or
 * {@code call.scored}) carrying the request id; signals are relayed without an answer. Every refusal is an
 * {@code error} frame with a code, and the socket stays open.
 */
@Component
public class CallRequests {

    private final CallService calls;
    private final CallRelay relay;

    CallRequests(CallService calls, CallRelay relay) {
        this.calls = calls;
        this.relay = relay;
    }

    /** The answer to a call frame, if it has one. */
    public Mono<ServerFrame> handle(Address me, String device, CallFrame frame) {
        if (frame instanceof ClientFrame.CallSignal signal) {
            return relay(me, device, signal);
        }
        return Mono.defer(() -> dispatch(me, device, frame)).onErrorResume(error -> Mono.just(ClientRequests.errorFrame(frame.id(), error)));
    }

    /** Signals are most of the call frames: no operators when the call is routed here and the signal is relayed. */
    private Mono<ServerFrame> relay(Address me, String device, ClientFrame.CallSignal signal) {
        try {
            Mono<Void> lookup = relay.relay(me, device, signal);
            return lookup == null ? Mono.empty()
                : lookup.then(Mono.<ServerFrame>empty()).onErrorResume(error -> Mono.just(ClientRequests.errorFrame(signal.id(), error)));
        } catch (RuntimeException error) {
            return Mono.just(ClientRequests.errorFrame(signal.id(), error));
        }
    }

    /** A device connected (its socket said hello). */
    public Mono<Void> online(Address me, String device) {
        return calls.deviceOnline(me, device);
    }

    /** A device's socket closed. */
    public Mono<Void> offline(Address me, String device) {
        return calls.deviceOffline(me, device);
    }

    private Mono<ServerFrame> dispatch(Address me, String device, CallFrame frame) {
        return switch (frame) {
            case ClientFrame.CallSignal signal -> relay(me, device, signal);
            case ClientFrame.CallInvite invite -> {
                Optional<CallId> callId = Optional.ofNullable(invite.callId()).map(CallRequests::newCallId);
                Address callee = address(invite.callee());
                CallMedia media = wire(invite.media(), "media", CallMedia::fromWireName);
                Duration ringTimeout = invite.ringTimeoutSeconds() == null ? null : Duration.ofSeconds(invite.ringTimeoutSeconds());
                yield answer(invite.id(), calls.invite(me, device, callId, callee, media, ringTimeout));
            }
            case ClientFrame.CallAccept accept -> answer(accept.id(), calls.accept(me, device, CallProblems.callId(accept.callId())));
            case ClientFrame.CallDecline decline -> answer(decline.id(), calls.decline(me, device, CallProblems.callId(decline.callId())));
            case ClientFrame.CallHangup hangup -> answer(hangup.id(), calls.hangUp(me, device, CallProblems.callId(hangup.callId())));
            case ClientFrame.ReportConnected report -> {
                CallId callId = CallProblems.callId(report.callId());
                long millis = require(report.timeToConnectMs(), "timeToConnectMs");
                yield answer(report.id(), calls.connected(me, device, callId, millis,
                    wire(report.localCandidateType(), "localCandidateType", CandidateType::fromWireName),
                    wire(report.remoteCandidateType(), "remoteCandidateType", CandidateType::fromWireName),
                    wire(report.protocol(), "protocol", TransportProtocol::fromWireName)));
            }
            case ClientFrame.ReportQuality report -> {
                CallId callId = CallProblems.callId(report.callId());
                yield calls.quality(me, device, callId, require(report.rttMs(), "rttMs"), require(report.jitterMs(), "jitterMs"),
                        require(report.lossPercent(), "lossPercent"), require(report.bitrateKbps(), "bitrateKbps"))
                    .map(scored -> new CallScoredFrame(report.id(), scored.callId(), scored.mos(), scored.poor(), scored.recorded()));
            }
            case ClientFrame.ReportIceFailed report -> {
                CallId callId = CallProblems.callId(report.callId());
                Set<CandidateType> gathered = new LinkedHashSet<>();
                for (String type : report.gatheredCandidateTypes() == null ? List.<String>of() : report.gatheredCandidateTypes()) {
                    gathered.add(wire(type, "gatheredCandidateTypes", CandidateType::fromWireName));
                }
                yield answer(report.id(), calls.iceFailed(me, device, callId, gathered));
            }
        };
    }

    private static Mono<ServerFrame> answer(String id, Mono<CallStatus> status) {
        return status.map(s -> new CallStatusFrame(id, s.callId(), s.state(), s.media(), s.caller(), s.callee(), s.callerDevice(),
            s.calleeDevice(), s.endReason(), s.endedBy(), s.changed()));
    }

    private static CallId newCallId(String value) {
        try {
            return CallId.parse(value);
        } catch (IllegalArgumentException e) {
            throw CallProblems.invalid("\"callId\" is call:<lower-case uuid>");
        }
    }

    private static Address address(String value) {
        if (value == null) {
            throw CallProblems.invalid("\"callee\" is required");
        }
        try {
            return Address.of(value);
        } catch (IllegalArgumentException e) {
            throw CallProblems.invalid("\"callee\" is not an Ethereum address");
        }
    }

    private static <E> E wire(String value, String field, Function<String, E> parse) {
        if (value == null) {
            throw CallProblems.invalid("\"" + field + "\" is required");
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw CallProblems.invalid("\"" + field + "\" has an unknown value: " + value);
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw CallProblems.invalid("\"" + field + "\" is required");
        }
        return value;
    }
}
