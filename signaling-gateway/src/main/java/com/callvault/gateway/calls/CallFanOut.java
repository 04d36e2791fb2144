package com.callvault.gateway.calls;

import com.callvault.api.calls.CallAccepted;
import com.callvault.api.calls.CallConnected;
import com.callvault.api.calls.CallEnded;
import com.callvault.api.calls.CallInvited;
import com.callvault.api.calls.CallReplacedInGlare;
import com.callvault.api.calls.CallRinging;
import com.callvault.api.calls.CalleeFoundOffline;
import com.callvault.api.calls.EndReason;
import com.callvault.api.calls.ParticipantDisconnected;
import com.callvault.api.calls.ParticipantReconnected;
import com.callvault.gateway.live.LiveChannel;
import com.callvault.gateway.live.LiveEvent;
import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the devices in a call what happened to it, once the event is committed, whatever caused it: a request
 * over a socket, an HTTP call, or a durable deadline firing (no answer, connect timeout, connection lost).
 * A subscribing processor ({@value #PROCESSING_GROUP}): it sees the events this instance commits, at commit.
 * It keeps {@link CallRoutes} in step first, so a signal sent after a frame arrived finds the route that frame
 * announced. When this instance does not know a call's devices, the frame goes to every session of the party.
 */
@Component
@ProcessingGroup(CallFanOut.PROCESSING_GROUP)
class CallFanOut {

    static final String PROCESSING_GROUP = "call-fan-out";
    private static final Logger log = LoggerFactory.getLogger(CallFanOut.class);
    private static final String AFTER_COMMIT = CallFanOut.class.getName() + ".afterCommit";

    private final CallRoutes routes;
    private final LiveChannel live;
    private final CallMetrics metrics;

    CallFanOut(CallRoutes routes, LiveChannel live, CallMetrics metrics) {
        this.routes = routes;
        this.live = live;
        this.metrics = metrics;
    }

    @EventHandler
    void on(CallInvited event) {
        afterCommit(() -> {
            routes.invited(event.callId(), event.caller(), event.callee(), event.media(), event.callerDevice(), event.ringsUntil());
            metrics.invited(event);
        });
    }

    @EventHandler
    void on(CallRinging event) {
        afterCommit(() -> {
            Optional<CallRoute> route = routes.known(event.callId());
            String caller = route.map(r -> r.caller).orElse(null);
            String media = route.map(r -> r.media).orElse(null);
            for (String device : event.devices()) {
                send(event.callee(), device, new ServerFrames.CallIncomingFrame(event.callId(), caller, media,
                    route.map(CallRoute::ringsUntil).orElse(null)));
            }
            route.ifPresent(r -> send(r.caller, r.callerDevice(), new ServerFrames.CallRingingFrame(event.callId(), event.callee(),
                event.devices().size())));
        });
    }

    @EventHandler
    void on(CallAccepted event) {
        afterCommit(() -> {
            Optional<CallRoute> route = routes.known(event.callId());
            List<ServerFrames.CallSignalFrame> held = route.map(r -> r.accept(event.device())).orElse(List.of());
            var accepted = new ServerFrames.CallAcceptedFrame(event.callId(), event.device(), event.acceptedAt());
            route.ifPresentOrElse(r -> send(r.caller, r.callerDevice(), accepted), () -> log.debug("Accepted call {} is not routed here", event.callId()));
            send(event.callee(), event.device(), accepted);
            for (String other : event.otherDevices()) {
                send(event.callee(), other, new ServerFrames.CallEndedFrame(event.callId(), EndReason.ANSWERED_ELSEWHERE.wireName(),
                    event.callee(), null, null, event.acceptedAt()));
            }
            held.forEach(signal -> send(event.callee(), event.device(), signal));
        });
    }

    @EventHandler
    void on(CallConnected event) {
        afterCommit(() -> {
            metrics.connected(event);
            var connected = new ServerFrames.CallConnectedFrame(event.callId(), event.relayed(), event.connectedAt());
            routes.known(event.callId()).ifPresent(r -> {
                send(r.caller, r.callerDevice(), connected);
                send(r.callee, r.calleeDevice(), connected);
            });
        });
    }

    @EventHandler
    void on(ParticipantDisconnected event) {
        afterCommit(() -> toTheOtherSide(event.callId(), event.participant(),
            new ServerFrames.CallPeerDisconnectedFrame(event.callId(), event.participant(), event.graceUntil())));
    }

    @EventHandler
    void on(ParticipantReconnected event) {
        afterCommit(() -> toTheOtherSide(event.callId(), event.participant(),
            new ServerFrames.CallPeerReconnectedFrame(event.callId(), event.participant())));
    }

    @EventHandler
    void on(CalleeFoundOffline event) {
        afterCommit(() -> routes.known(event.callId()).ifPresent(r -> r.pushSent(event.pushSent())));
    }

    @EventHandler
    void on(CallReplacedInGlare event) {
        afterCommit(() -> routes.known(event.callId()).ifPresent(r -> r.keptCallId(event.keptCallId())));
    }

    @EventHandler
    void on(CallEnded event) {
        afterCommit(() -> {
            Optional<CallRoute> route = routes.known(event.callId());
            metrics.ended(event);
            Boolean pushSent = route.map(CallRoute::pushSent).orElse(null);
            String kept = route.map(CallRoute::keptCallId).orElse(null);
            var ended = new ServerFrames.CallEndedFrame(event.callId(), event.reason(), event.endedBy(), pushSent, kept, event.endedAt());
            String calleeDevice = route.map(CallRoute::calleeDevice).orElse(null);
            route.ifPresent(r -> routes.ended(r, event.endedAt()));
            send(event.caller(), route.map(CallRoute::callerDevice).orElse(null), ended);
            // unanswered: every device of the callee may be ringing, including ones that connected meanwhile
            send(event.callee(), calleeDevice, ended);
        });
    }

    private void toTheOtherSide(String callId, String participant, ServerFrame frame) {
        routes.known(callId).ifPresent(r -> {
            CallRoute.Side side = r.caller.equalsIgnoreCase(participant) ? CallRoute.Side.CALLEE : CallRoute.Side.CALLER;
            send(r.address(side), r.device(side), frame);
        });
    }

    /** To one device of {@code address}, or to all its sessions when the device is not known. */
    private void send(String address, String device, ServerFrame frame) {
        live.publish(List.of(address), device == null ? LiveEvent.toEverySession(frame) : LiveEvent.toDevice(device, frame));
    }

    /**
     * Runs {@code action} once the unit of work commits, after the actions of earlier events of the same unit of
     * work (Axon runs after-commit handlers in reverse order of registration, so one handler runs them all).
     */
    private static void afterCommit(Runnable action) {
        if (!CurrentUnitOfWork.isStarted()) {
            action.run();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<List<Runnable>>getOrComputeResource(AFTER_COMMIT, key -> {
            List<Runnable> actions = new ArrayList<>();
            root.afterCommit(unitOfWork -> actions.forEach(Runnable::run));
            return actions;
        }).add(action);
    }
}
