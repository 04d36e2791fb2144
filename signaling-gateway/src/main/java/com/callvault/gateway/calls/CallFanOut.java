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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
 * announced. A call this instance has not routed yet is read from the live-calls index; a call that ended
 * unknown here is announced to every session of both parties.
 */
@Component
@ProcessingGroup(CallFanOut.PROCESSING_GROUP)
class CallFanOut {

    static final String PROCESSING_GROUP = "call-fan-out";
    private static final Logger log = LoggerFactory.getLogger(CallFanOut.class);
    private static final String AFTER_COMMIT = CallFanOut.class.getName() + ".afterCommit";
    private static final String STASH = CallFanOut.class.getName() + ".stash";

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
        afterCommit(() -> withRoute(event.callId(), route -> {
            for (String device : event.devices()) {
                send(event.callee(), device, new ServerFrames.CallIncomingFrame(event.callId(), route.caller, route.media, route.ringsUntil()));
            }
            send(route.caller, route.callerDevice(), new ServerFrames.CallRingingFrame(event.callId(), event.callee(), event.devices().size(), null));
        }));
    }

    @EventHandler
    void on(CallAccepted event) {
        afterCommit(() -> withRoute(event.callId(), route -> {
            List<ServerFrames.CallSignalFrame> held = route.accept(event.device());
            var accepted = new ServerFrames.CallAcceptedFrame(event.callId(), event.device(), event.acceptedAt());
            send(route.caller, route.callerDevice(), accepted);
            send(event.callee(), event.device(), accepted);
            for (String other : event.otherDevices()) {
                send(event.callee(), other, new ServerFrames.CallEndedFrame(event.callId(), EndReason.ANSWERED_ELSEWHERE.wireName(),
                    event.callee(), null, null, event.acceptedAt()));
            }
            held.forEach(signal -> send(event.callee(), event.device(), signal));
        }));
    }

    @EventHandler
    void on(CallConnected event) {
        afterCommit(() -> {
            metrics.connected(event);
            var connected = new ServerFrames.CallConnectedFrame(event.callId(), event.relayed(), event.connectedAt());
            withRoute(event.callId(), r -> {
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
        stash("pushSent " + event.callId(), event.pushSent());
        if (event.pushSent()) {
            // the call rings on for a device the push may wake: the caller hears it rings
            afterCommit(() -> withRoute(event.callId(), route -> send(route.caller, route.callerDevice(),
                new ServerFrames.CallRingingFrame(event.callId(), event.callee(), 0, true))));
        }
    }

    @EventHandler
    void on(CallReplacedInGlare event) {
        stash("kept " + event.callId(), event.keptCallId());
    }

    @EventHandler
    void on(CallEnded event) {
        // what the events before it in the same unit of work said (peer offline, glare)
        Boolean pushSent = (Boolean) stashed("pushSent " + event.callId());
        String kept = (String) stashed("kept " + event.callId());
        afterCommit(() -> {
            metrics.ended(event);
            Optional<CallRoute> route = routes.known(event.callId());
            var ended = new ServerFrames.CallEndedFrame(event.callId(), event.reason(), event.endedBy(), pushSent, kept, event.endedAt());
            String calleeDevice = route.map(CallRoute::calleeDevice).orElse(null);
            route.ifPresent(routes::ended);
            send(event.caller(), route.map(CallRoute::callerDevice).orElse(null), ended);
            // unanswered: every device of the callee may be ringing, including ones that connected meanwhile
            send(event.callee(), calleeDevice, ended);
        });
    }

    private void toTheOtherSide(String callId, String participant, ServerFrame frame) {
        withRoute(callId, r -> {
            CallRoute.Side side = r.caller.equalsIgnoreCase(participant) ? CallRoute.Side.CALLEE : CallRoute.Side.CALLER;
            send(r.address(side), r.device(side), frame);
        });
    }

    /**
     * Runs {@code action} with the call's route: at once when this instance knows the call, else once it is read
     * from the live-calls index (the call was placed through another instance, or before a restart).
     */
    private void withRoute(String callId, Consumer<CallRoute> action) {
        Optional<CallRoute> known = routes.known(callId);
        if (known.isPresent()) {
            action.accept(known.get());
        } else {
            routes.find(callId).subscribe(action, error -> log.warn("Could not route call {}", callId, error));
        }
    }

    /** To one device of {@code address}, or to all its sessions when the device is not known. */
    private void send(String address, String device, ServerFrame frame) {
        if (device == null) {
            live.publish(List.of(address), LiveEvent.toEverySession(frame));
        } else {
            live.deliver(address, device, frame);
        }
    }

    /** Keeps a value for a later event of the same unit of work. */
    private static void stash(String key, Object value) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().<Map<String, Object>>getOrComputeResource(STASH, k -> new HashMap<>()).put(key, value);
        }
    }

    private static Object stashed(String key) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, Object> stash = CurrentUnitOfWork.get().root().getResource(STASH);
        return stash == null ? null : stash.get(key);
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
