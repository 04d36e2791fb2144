package com.callvault.gateway.calls;

import com.callvault.api.calls.AcceptCall;
import com.callvault.api.calls.CallId;
import com.callvault.api.calls.CallMedia;
import com.callvault.api.calls.CallStatus;
import com.callvault.api.calls.CandidateType;
import com.callvault.api.calls.DeclineCall;
import com.callvault.api.calls.EndCallAsBusy;
import com.callvault.api.calls.EndCallInGlare;
import com.callvault.api.calls.HangUpCall;
import com.callvault.api.calls.InviteCall;
import com.callvault.api.calls.MarkCallConnected;
import com.callvault.api.calls.MarkParticipantDisconnected;
import com.callvault.api.calls.MarkParticipantReconnected;
import com.callvault.api.calls.QualityScored;
import com.callvault.api.calls.ReportCallQuality;
import com.callvault.api.calls.ReportIceFailure;
import com.callvault.api.calls.ReportPeerOffline;
import com.callvault.api.calls.RingCall;
import com.callvault.api.calls.TransportProtocol;
import com.callvault.api.identity.Address;
import com.callvault.gateway.commands.Commands;
import com.callvault.gateway.live.LiveChannel;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.push.PushAvailability;
import com.callvault.gateway.protocol.ServerFrames;
import com.callvault.query.calls.FindLiveCalls;
import com.callvault.query.calls.LiveCallView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The call lifecycle as the server drives it: commands to the {@code Call} aggregate, and the decisions only the
 * server can make because they span calls and devices. After an invite commits, the server looks at the callee's
 * other live calls in the live-calls index (written in the same transactions as the calls' events, so of two
 * invites committed at once at least one check sees the other) and applies fixed rules:
 * <ul>
 *   <li>glare: the two people called each other; the call with the higher id ends, replaced by the lower one;</li>
 *   <li>busy: the callee is in an answered call, or is calling someone, or an older unanswered call rings for
 *       them; of several unanswered calls to one callee the oldest (lowest id) rings and the others end busy;</li>
 *   <li>peer offline: no device of the callee is connected (and the caller learns whether a push can wake one);</li>
 *   <li>otherwise the call rings on every connected device of the callee.</li>
 * </ul>
 * The devices connected when the invite is sent ring in the invite's own unit of work, before the check, when the
 * callee is in no call this instance routes: a call the check ends busy or in glare (the other call routed through
 * another instance) may have rung for a few milliseconds (ADR 0004).
 * Devices coming and going are reported too: a device that connects rings for unanswered calls to it and takes
 * its calls back; a device of a call that disconnects starts the call's reconnect grace.
 */
@Service
class CallService {

    private static final Logger log = LoggerFactory.getLogger(CallService.class);
    /**
     * What a server follow-up answers when it lost a race to another request that already moved the call on
     * (the call ended, was answered, already rings): nothing left to do; the call's frames tell the devices.
     */
    private static final Set<String> SETTLED = Set.of("call-ended", "call-already-answered", "call-not-answered",
        "call-already-ringing", "glare-keeps-this-call");

    private final Commands commands;
    private final QueryGateway queries;
    private final LiveChannel live;
    private final CallRoutes routes;
    private final CallSettings settings;
    private final PushAvailability push;
    private final Clock clock;

    CallService(Commands commands, QueryGateway queries, LiveChannel live, CallRoutes routes, CallSettings settings,
                PushAvailability push, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.live = live;
        this.routes = routes;
        this.settings = settings;
        this.push = push;
        this.clock = clock;
    }

    /**
     * Places a call. The callee's devices online here ring in the invite's own unit of work, unless the callee is in
     * a call this instance routes (then the check below decides first, as it would end the call busy or in glare);
     * the busy and glare check that follows the commit may still end the call (ADR 0004).
     */
    Mono<CallStatus> invite(Address me, String device, Optional<CallId> callId, Address callee, CallMedia media, Duration ringTimeout) {
        List<String> ringNow = routes.inLiveCall(callee.value()) ? List.of() : List.copyOf(live.devices(callee.value()));
        InviteCall command = new InviteCall(callId.orElseGet(CallId::newId), me, callee, media, device, clock.instant(),
            ringTimeout == null ? settings.ringTimeout() : ringTimeout, ringNow);
        return commands.<CallStatus>send(command)
            .flatMap(status -> status.changed() ? afterInvite(status, ringNow) : Mono.just(status));
    }

    Mono<CallStatus> accept(Address me, String device, CallId callId) {
        return commands.send(new AcceptCall(callId, me, device, clock.instant()));
    }

    Mono<CallStatus> decline(Address me, String device, CallId callId) {
        return commands.send(new DeclineCall(callId, me, device, clock.instant()));
    }

    /**
     * Hangs up from {@code device}. Once answered, only the two devices in the call may end it (a device that was
     * answered elsewhere may not); before that, any device of either party may (the callee declines from any).
     */
    Mono<CallStatus> hangUp(Address me, String device, CallId callId) {
        return routes.find(callId.value())
            .filter(route -> !route.ended() && route.answered() && route.sideOf(me.value(), device) == null)
            .flatMap(route -> Mono.<CallStatus>error(new ApiProblem(HttpStatus.FORBIDDEN, "not-in-call", "Forbidden",
                "this device is not in the call")))
            .switchIfEmpty(Mono.defer(() -> commands.send(new HangUpCall(callId, me, clock.instant()))));
    }

    Mono<CallStatus> connected(Address me, String device, CallId callId, long timeToConnectMillis, CandidateType local,
                               CandidateType remote, TransportProtocol protocol) {
        return commands.send(new MarkCallConnected(callId, me, device, timeToConnectMillis, local, remote, protocol, clock.instant()));
    }

    Mono<QualityScored> quality(Address me, String device, CallId callId, double rttMs, double jitterMs, double lossPercent,
                                double bitrateKbps) {
        return commands.send(new ReportCallQuality(callId, me, device, rttMs, jitterMs, lossPercent, bitrateKbps, clock.instant()));
    }

    Mono<CallStatus> iceFailed(Address me, String device, CallId callId, Set<CandidateType> gathered) {
        return commands.send(new ReportIceFailure(callId, me, device, gathered, clock.instant()));
    }

    /**
     * A device connected: it rings for the unanswered calls to its user (again, if it rang before it reloaded), and
     * takes back the answered calls it is in, with a {@code call.accepted} naming it: a tab that still holds the
     * call goes on, one that lost it (a reload) knows to hang up.
     */
    Mono<Void> deviceOnline(Address me, String device) {
        return liveCalls(me.value()).flatMap(call -> {
            CallId id = CallId.parse(call.callId());
            if (!call.answered() && call.callee().equalsIgnoreCase(me.value())) {
                return routes.find(call.callId()).then(settle(commands.<CallStatus>send(new RingCall(id, List.of(device), clock.instant()))))
                    .filter(status -> !status.changed())
                    .doOnNext(status -> live.deliver(me.value(), device,
                        new ServerFrames.CallIncomingFrame(call.callId(), call.caller(), call.media(), call.ringsUntil())));
            }
            if (call.answered() && device.equals(deviceOf(call, me))) {
                return settle(commands.<CallStatus>send(new MarkParticipantReconnected(id, me, device, clock.instant())))
                    .doOnNext(status -> live.deliver(me.value(), device,
                        new ServerFrames.CallAcceptedFrame(call.callId(), call.calleeDevice(), call.acceptedAt())));
            }
            if (!call.answered() && device.equals(call.callerDevice())) {
                return settle(commands.send(new MarkParticipantReconnected(id, me, device, clock.instant())));
            }
            return Mono.empty();
        }).then();
    }

    /** A device's last connection here closed: the calls it is in wait for it to come back (the reconnect grace). */
    Mono<Void> deviceOffline(Address me, String device) {
        if (live.devices(me.value()).contains(device)) {
            return Mono.empty(); // it reconnected before the old socket was found dead
        }
        return liveCalls(me.value())
            .filter(call -> device.equals(deviceOf(call, me)))
            .flatMap(call -> settle(commands.send(new MarkParticipantDisconnected(CallId.parse(call.callId()), me, device, clock.instant()))))
            .then();
    }

    private Mono<CallStatus> afterInvite(CallStatus invited, List<String> rung) {
        CallId self = CallId.parse(invited.callId());
        String caller = invited.caller();
        String callee = invited.callee();
        return liveCalls(callee).collectList().flatMap(calls -> {
            Optional<LiveCallView> mirror = calls.stream()
                .filter(c -> !c.answered() && c.caller().equalsIgnoreCase(callee) && c.callee().equalsIgnoreCase(caller))
                .findFirst();
            if (mirror.isPresent()) {
                CallId other = CallId.parse(mirror.get().callId());
                CallId kept = self.winsGlareAgainst(other) ? self : other;
                CallId replaced = kept == self ? other : self;
                Mono<CallStatus> glare = settle(commands.<CallStatus>send(new EndCallInGlare(replaced, kept, clock.instant())));
                return replaced == self ? glare.defaultIfEmpty(invited) : glare.then(ring(invited, calls, rung));
            }
            return ring(invited, calls, rung);
        });
    }

    /**
     * Busy, offline, or ringing: see the class comment. {@code rung}: the devices the invite already rang; only devices
     * that came online since are rung here, and a call that rings is not reported offline (its devices went away
     * meanwhile: they ring again when they come back, else the ring timeout ends it).
     */
    private Mono<CallStatus> ring(CallStatus invited, List<LiveCallView> calleeCalls, List<String> rung) {
        CallId self = CallId.parse(invited.callId());
        String callee = invited.callee();
        boolean busy = false;
        Flux<CallStatus> younger = Flux.empty();
        for (LiveCallView call : calleeCalls) {
            if (call.callId().equals(invited.callId()) || mirrors(call, invited)) {
                continue;
            }
            CallId other = CallId.parse(call.callId());
            if (call.answered() || call.caller().equalsIgnoreCase(callee) || other.compareTo(self) < 0) {
                busy = true;
            } else {
                younger = younger.concatWith(settle(commands.send(new EndCallAsBusy(other, clock.instant()))));
            }
        }
        if (busy) {
            return settle(commands.<CallStatus>send(new EndCallAsBusy(self, clock.instant()))).defaultIfEmpty(invited);
        }
        List<String> devices = live.devices(callee).stream().filter(device -> !rung.contains(device)).toList();
        Mono<CallStatus> reach;
        if (!devices.isEmpty()) {
            reach = commands.send(new RingCall(self, devices, clock.instant()));
        } else if (rung.isEmpty()) {
            // offline: "push sent" when a push can reach the callee; the push itself follows from the events (PushNotifier)
            reach = push.reachable(callee).onErrorReturn(false)
                .flatMap(pushSent -> commands.<CallStatus>send(new ReportPeerOffline(self, pushSent, clock.instant())));
        } else {
            reach = Mono.empty();
        }
        return younger.then(settle(reach).defaultIfEmpty(invited));
    }

    private static boolean mirrors(LiveCallView call, CallStatus invited) {
        return call.caller().equalsIgnoreCase(invited.callee()) && call.callee().equalsIgnoreCase(invited.caller());
    }

    private Flux<LiveCallView> liveCalls(String address) {
        return Mono.fromFuture(() -> queries.query(new FindLiveCalls(address), ResponseTypes.multipleInstancesOf(LiveCallView.class)))
            .flatMapIterable(calls -> calls);
    }

    private static String deviceOf(LiveCallView call, Address me) {
        return call.caller().equalsIgnoreCase(me.value()) ? call.callerDevice() : call.calleeDevice();
    }

    /** A server-side follow-up that may lose a race to a participant's own request: losing is fine. */
    private static <T> Mono<T> settle(Mono<T> followUp) {
        return followUp.onErrorResume(CallService::isSettled, e -> {
            log.debug("Call follow-up settled by a race: {}", e.getMessage());
            return Mono.empty();
        });
    }

    private static boolean isSettled(Throwable error) {
        return error instanceof ApiProblem problem && SETTLED.contains(problem.code());
    }
}
