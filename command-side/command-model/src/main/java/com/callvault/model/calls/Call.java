package com.callvault.model.calls;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.callvault.api.calls.AcceptCall;
import com.callvault.api.calls.CallAccepted;
import com.callvault.api.calls.CallConnected;
import com.callvault.api.calls.CallEnded;
import com.callvault.api.calls.CallInvited;
import com.callvault.api.calls.CallLimits;
import com.callvault.api.calls.CallQualitySampled;
import com.callvault.api.calls.CallReplacedInGlare;
import com.callvault.api.calls.CallRinging;
import com.callvault.api.calls.CallState;
import com.callvault.api.calls.CallStatus;
import com.callvault.api.calls.CalleeFoundOffline;
import com.callvault.api.calls.CancelCall;
import com.callvault.api.calls.ConnectionReported;
import com.callvault.api.calls.DeclineCall;
import com.callvault.api.calls.EndCallAsBusy;
import com.callvault.api.calls.EndCallInGlare;
import com.callvault.api.calls.EndReason;
import com.callvault.api.calls.HangUpCall;
import com.callvault.api.calls.IceFailed;
import com.callvault.api.calls.InviteCall;
import com.callvault.api.calls.MarkCallConnected;
import com.callvault.api.calls.MarkParticipantDisconnected;
import com.callvault.api.calls.MarkParticipantReconnected;
import com.callvault.api.calls.MeanOpinionScore;
import com.callvault.api.calls.ParticipantDisconnected;
import com.callvault.api.calls.ParticipantReconnected;
import com.callvault.api.calls.QualityScored;
import com.callvault.api.calls.ReportCallQuality;
import com.callvault.api.calls.ReportIceFailure;
import com.callvault.api.calls.ReportPeerOffline;
import com.callvault.api.calls.RingCall;
import com.callvault.api.identity.Address;
import com.callvault.model.calls.CallDeadlines.ConnectTimeout;
import com.callvault.model.calls.CallDeadlines.ReconnectGrace;
import com.callvault.model.calls.CallDeadlines.RingTimeout;
import com.callvault.model.axon.StaleCachedAggregate;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A 1:1 call, owned by the server: {@code invited → ringing → accepted → connected → ended}. Handlers check
 * the named rules, then apply; event-sourcing handlers only assign. Its timers (ring timeout, connect timeout,
 * reconnect grace) are durable deadlines; their ids ride in event metadata so that a call loaded on any
 * instance cancels them by id (a cancel by name would scan every pending deadline). Cached between commands (a
 * set-up is four commands on one call): a decision that appends is checked by the store's unique
 * aggregate/sequence key, and one that appends nothing, a refusal or "nothing to do", is checked against the store's
 * last sequence number ({@link StaleCachedAggregate}), so a copy another instance moved on is never answered from.
 * Snapshots keep long calls (many quality samples) quick to load when not cached.
 */
@Aggregate(cache = "callCache", snapshotTriggerDefinition = "callSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class Call {

    @AggregateIdentifier
    private String callId;
    private CallState state;
    private String caller;       // EIP-55, as events name them
    private String callee;
    private String media;
    private String callerDevice;
    private String calleeDevice; // the device that accepted
    private List<String> ringingDevices = new ArrayList<>();
    private Instant invitedAt;
    private Instant ringsUntil;
    private Instant acceptedAt;
    private Instant connectedAt;
    private EndReason endReason;
    private String endedBy;
    private String ringTimeoutId;
    private String connectTimeoutId;
    private Map<String, Absence> absences = new LinkedHashMap<>(); // participant → while disconnected
    private Map<String, String> reportedPairs = new HashMap<>();   // participant → last selected pair
    private Map<String, Instant> lastSampleAt = new HashMap<>();
    private QualityTally quality = new QualityTally();

    /** A participant's device is away since {@code since}; {@code graceId} is its reconnect-grace deadline. */
    record Absence(String device, Instant since, String graceId) {
    }

    Call() {
        // for Axon: rebuilt from events or a snapshot
    }

    /** Every command: a decision that appended nothing must have been made on the stored version (see the class comment). */
    @CommandHandlerInterceptor
    Object decidedOnTheStoredVersion(CommandMessage<?> command, InterceptorChain chain, EventStore events) throws Exception {
        return StaleCachedAggregate.proceed(chain, events, () -> callId);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CallStatus handle(InviteCall command, DeadlineManager deadlines) {
        if (callId != null) {
            ACallIdIsUsedOnce.check(command, caller, callee, media, callerDevice);
            EndedCallsStayEnded.check(state, endReason);
            return status(false);
        }
        InvitesAreWellFormed.check(command);
        List<String> ringNow = command.ringDevices().stream().distinct().toList();
        if (!ringNow.isEmpty()) {
            InvitesAreWellFormed.checkDevices(ringNow);
        }
        CallInvited invited = CallInvited.of(command);
        String ringId = deadlines.schedule(invited.ringsUntil(), CallDeadlines.RING_TIMEOUT, new RingTimeout(invited.ringsUntil()));
        apply(invited, MetaData.with(CallDeadlines.RING_TIMEOUT_ID, ringId));
        if (!ringNow.isEmpty()) {
            apply(new CallRinging(invited.callId(), invited.callee(), ringNow, command.at()));
        }
        return status(true);
    }

    @CommandHandler
    CallStatus handle(RingCall command) {
        EndedCallsStayEnded.check(state, endReason);
        OnlyUnansweredCallsAreCalledOff.check(state);
        InvitesAreWellFormed.checkDevices(command.devices());
        List<String> added = command.devices().stream().distinct().filter(d -> !ringingDevices.contains(d)).toList();
        if (added.isEmpty()) {
            return status(false);
        }
        apply(new CallRinging(callId, callee, added, command.at()));
        return status(true);
    }

    @CommandHandler
    CallStatus handle(AcceptCall command, DeadlineManager deadlines) {
        OnlyTheCalleeMayAccept.check(OnlyParticipantsMayAct.check(caller, callee, command.callee()));
        InvitesAreWellFormed.checkDevice(command.device());
        EndedCallsStayEnded.check(state, endReason);
        if (ExactlyOneAcceptWins.isRepeat(state, calleeDevice, command.device())) {
            return status(false);
        }
        cancel(deadlines, CallDeadlines.RING_TIMEOUT, ringTimeoutId);
        Instant due = command.at().plus(CallLimits.CONNECT_TIMEOUT);
        String connectId = deadlines.schedule(due, CallDeadlines.CONNECT_TIMEOUT, new ConnectTimeout(due));
        List<String> others = ringingDevices.stream().filter(d -> !d.equals(command.device())).toList();
        apply(new CallAccepted(callId, callee, command.device(), others, command.at()), MetaData.with(CallDeadlines.CONNECT_TIMEOUT_ID, connectId));
        return status(true);
    }

    @CommandHandler
    CallStatus handle(DeclineCall command, DeadlineManager deadlines) {
        OnlyTheCalleeMayAccept.check(OnlyParticipantsMayAct.check(caller, callee, command.callee()));
        return endUnanswered(EndReason.DECLINED, callee, command.at(), deadlines);
    }

    @CommandHandler
    CallStatus handle(CancelCall command, DeadlineManager deadlines) {
        OnlyTheCallerMayCancel.check(OnlyParticipantsMayAct.check(caller, callee, command.caller()));
        return endUnanswered(EndReason.CANCELLED, caller, command.at(), deadlines);
    }

    @CommandHandler
    CallStatus handle(HangUpCall command, DeadlineManager deadlines) {
        Party party = OnlyParticipantsMayAct.check(caller, callee, command.participant());
        EndReason beforeAnswer = party == Party.CALLER ? EndReason.CANCELLED : EndReason.DECLINED;
        if (EndedCallsStayEnded.isRepeat(state, endReason, endedBy, command.participant().value(), EnumSet.of(EndReason.HANGUP, beforeAnswer))) {
            return status(false);
        }
        end(state.unanswered() ? beforeAnswer : EndReason.HANGUP, command.participant().value(), command.at(), deadlines, false);
        return status(true);
    }

    @CommandHandler
    CallStatus handle(MarkCallConnected command, DeadlineManager deadlines) {
        String who = checkReportFromTheCall(command.participant(), command.device());
        ReportsAreWithinRange.check(command);
        CallConnected connected = CallConnected.of(command);
        if (pairOf(connected.localCandidateType(), connected.remoteCandidateType(), connected.protocol(), connected.device())
            .equals(reportedPairs.get(who))) {
            return status(false);
        }
        if (state == CallState.ACCEPTED) {
            cancel(deadlines, CallDeadlines.CONNECT_TIMEOUT, connectTimeoutId);
            apply(connected);
        } else {
            apply(ConnectionReported.of(command));
        }
        return status(true);
    }

    @CommandHandler
    QualityScored handle(ReportCallQuality command) {
        String who = checkReportFromTheCall(command.participant(), command.device());
        ReportsAreWithinRange.check(command);
        MeanOpinionScore mos = MeanOpinionScore.estimate(command.rttMs(), command.jitterMs(), command.lossPercent());
        boolean keep = QualityIsSampledEveryFewSeconds.keeps(lastSampleAt.get(who), command.at());
        if (keep) {
            apply(CallQualitySampled.of(command, mos));
        }
        return new QualityScored(callId, mos.rounded(), mos.poor(), keep);
    }

    @CommandHandler
    CallStatus handle(ReportIceFailure command, DeadlineManager deadlines) {
        String who = checkReportFromTheCall(command.participant(), command.device());
        boolean afterConnecting = state == CallState.CONNECTED;
        apply(IceFailed.of(command, afterConnecting));
        end(afterConnecting ? EndReason.ICE_FAILED_AFTER_CONNECTING : EndReason.ICE_FAILED_BEFORE_CONNECTING, who, command.at(), deadlines, false);
        return status(true);
    }

    @CommandHandler
    CallStatus handle(MarkParticipantDisconnected command, DeadlineManager deadlines) {
        Party party = OnlyParticipantsMayAct.check(caller, callee, command.participant());
        EndedCallsStayEnded.check(state, endReason);
        OnlyTheDevicesInTheCallReport.check(deviceOf(party), command.participant(), command.device());
        String who = command.participant().value();
        if (absences.containsKey(who)) {
            return status(false);
        }
        Instant due = command.at().plus(CallLimits.RECONNECT_GRACE);
        String graceId = deadlines.schedule(due, CallDeadlines.RECONNECT_GRACE, new ReconnectGrace(who, command.at(), due));
        apply(new ParticipantDisconnected(callId, who, command.device(), command.at(), due), MetaData.with(CallDeadlines.RECONNECT_GRACE_ID, graceId));
        return status(true);
    }

    @CommandHandler
    CallStatus handle(MarkParticipantReconnected command, DeadlineManager deadlines) {
        Party party = OnlyParticipantsMayAct.check(caller, callee, command.participant());
        EndedCallsStayEnded.check(state, endReason);
        OnlyTheDevicesInTheCallReport.check(deviceOf(party), command.participant(), command.device());
        Absence absence = absences.get(command.participant().value());
        if (absence == null) {
            return status(false);
        }
        cancel(deadlines, CallDeadlines.RECONNECT_GRACE, absence.graceId());
        long away = Math.max(0, Duration.between(absence.since(), command.at()).toMillis());
        apply(new ParticipantReconnected(callId, command.participant().value(), command.device(), command.at(), away));
        return status(true);
    }

    @CommandHandler
    CallStatus handle(ReportPeerOffline command, DeadlineManager deadlines) {
        EndedCallsStayEnded.check(state, endReason);
        OnlyUnansweredCallsAreCalledOff.check(state);
        PeersAreFoundOfflineBeforeRinging.check(state);
        apply(new CalleeFoundOffline(callId, callee, command.pushSent(), command.at()));
        if (!command.pushSent()) {
            end(EndReason.PEER_OFFLINE, CallLimits.SERVER, command.at(), deadlines, false);
        }
        // a push went out: the call goes on ringing until its timeout, for a device the push wakes to join
        return status(true);
    }

    @CommandHandler
    CallStatus handle(EndCallAsBusy command, DeadlineManager deadlines) {
        EndedCallsStayEnded.check(state, endReason);
        OnlyUnansweredCallsAreCalledOff.check(state);
        end(EndReason.BUSY, CallLimits.SERVER, command.at(), deadlines, false);
        return status(true);
    }

    @CommandHandler
    CallStatus handle(EndCallInGlare command, DeadlineManager deadlines) {
        EndedCallsStayEnded.check(state, endReason);
        OnlyUnansweredCallsAreCalledOff.check(state);
        TheLowerCallIdWinsGlare.check(command.callId(), command.keptCallId());
        apply(new CallReplacedInGlare(callId, command.keptCallId().value(), command.at()));
        end(EndReason.GLARE_REPLACED, CallLimits.SERVER, command.at(), deadlines, false);
        return status(true);
    }

    @DeadlineHandler(deadlineName = CallDeadlines.RING_TIMEOUT)
    void on(RingTimeout deadline, DeadlineManager deadlines, EventStore events) {
        if (state.unanswered()) {
            end(EndReason.NO_ANSWER, CallLimits.SERVER, deadline.due(), deadlines, true);
        } else {
            appendsNothingOnTheStoredVersion(events);
        }
    }

    @DeadlineHandler(deadlineName = CallDeadlines.CONNECT_TIMEOUT)
    void on(ConnectTimeout deadline, DeadlineManager deadlines, EventStore events) {
        if (state == CallState.ACCEPTED) {
            end(EndReason.ICE_FAILED_BEFORE_CONNECTING, CallLimits.SERVER, deadline.due(), deadlines, true);
        } else {
            appendsNothingOnTheStoredVersion(events);
        }
    }

    @DeadlineHandler(deadlineName = CallDeadlines.RECONNECT_GRACE)
    void on(ReconnectGrace deadline, DeadlineManager deadlines, EventStore events) {
        Absence absence = absences.get(deadline.participant());
        if (state != CallState.ENDED && absence != null && absence.since().equals(deadline.disconnectedAt())) {
            end(EndReason.CONNECTION_LOST, deadline.participant(), deadline.due(), deadlines, true);
        } else {
            appendsNothingOnTheStoredVersion(events);
        }
    }

    /**
     * A deadline's decision to append nothing stands only if it was made on the stored version; on a stale cached copy
     * this throws {@link StaleCachedAggregate} and the deadline is retried on a fresh load.
     */
    private void appendsNothingOnTheStoredVersion(EventStore events) {
        StaleCachedAggregate.check(events, callId, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(CallInvited event, @MetaDataValue(CallDeadlines.RING_TIMEOUT_ID) String ringId) {
        callId = event.callId();
        state = CallState.INVITED;
        caller = event.caller();
        callee = event.callee();
        media = event.media();
        callerDevice = event.callerDevice();
        invitedAt = event.invitedAt();
        ringsUntil = event.ringsUntil();
        ringTimeoutId = ringId;
    }

    @EventSourcingHandler
    void on(CallRinging event) {
        state = CallState.RINGING;
        ringingDevices.addAll(event.devices());
    }

    @EventSourcingHandler
    void on(CallAccepted event, @MetaDataValue(CallDeadlines.CONNECT_TIMEOUT_ID) String connectId) {
        state = CallState.ACCEPTED;
        calleeDevice = event.device();
        acceptedAt = event.acceptedAt();
        ringTimeoutId = null;
        connectTimeoutId = connectId;
    }

    @EventSourcingHandler
    void on(CallConnected event) {
        state = CallState.CONNECTED;
        connectedAt = event.connectedAt();
        connectTimeoutId = null;
        reportedPairs.put(event.reportedBy(), pairOf(event.localCandidateType(), event.remoteCandidateType(), event.protocol(), event.device()));
    }

    @EventSourcingHandler
    void on(ConnectionReported event) {
        reportedPairs.put(event.reportedBy(), pairOf(event.localCandidateType(), event.remoteCandidateType(), event.protocol(), event.device()));
    }

    @EventSourcingHandler
    void on(CallQualitySampled event) {
        lastSampleAt.put(event.participant(), event.sampledAt());
        quality.add(event);
    }

    @EventSourcingHandler
    void on(ParticipantDisconnected event, @MetaDataValue(CallDeadlines.RECONNECT_GRACE_ID) String graceId) {
        absences.put(event.participant(), new Absence(event.device(), event.disconnectedAt(), graceId));
    }

    @EventSourcingHandler
    void on(ParticipantReconnected event) {
        absences.remove(event.participant());
    }

    @EventSourcingHandler
    void on(CallEnded event) {
        state = CallState.ENDED;
        endReason = EndReason.fromWireName(event.reason());
        endedBy = event.endedBy();
        ringTimeoutId = null;
        connectTimeoutId = null;
        absences.replaceAll((participant, absence) -> new Absence(absence.device(), absence.since(), null));
    }

    private CallStatus endUnanswered(EndReason reason, String by, Instant at, DeadlineManager deadlines) {
        if (EndedCallsStayEnded.isRepeat(state, endReason, endedBy, by, Set.of(reason))) {
            return status(false);
        }
        OnlyUnansweredCallsAreCalledOff.check(state);
        end(reason, by, at, deadlines, false);
        return status(true);
    }

    /**
     * Ends the call: cancels its deadlines that are not yet due, summarises quality, applies {@link CallEnded}.
     * A deadline that may be executing right now is left alone, since the scheduler cannot cancel it then (and
     * fails the unit of work); its handler finds the call ended and does nothing. That is any deadline already
     * due, and when a deadline ends the call, every other one: the scheduler picks due deadlines in batches, so
     * both participants' reconnect graces run side by side when both sockets dropped together.
     */
    private void end(EndReason reason, String by, Instant at, DeadlineManager deadlines, boolean byDeadline) {
        record Pending(String name, Instant due) {
        }
        Map<String, Pending> pending = new LinkedHashMap<>(); // id → deadline
        pending.put(ringTimeoutId, new Pending(CallDeadlines.RING_TIMEOUT, ringsUntil));
        pending.put(connectTimeoutId, new Pending(CallDeadlines.CONNECT_TIMEOUT, acceptedAt == null ? null : acceptedAt.plus(CallLimits.CONNECT_TIMEOUT)));
        absences.values().forEach(absence -> pending.put(absence.graceId(),
            new Pending(CallDeadlines.RECONNECT_GRACE, absence.since().plus(CallLimits.RECONNECT_GRACE))));
        pending.forEach((id, deadline) -> {
            if (!byDeadline && (deadline.due() == null || deadline.due().isAfter(at))) {
                cancel(deadlines, deadline.name(), id);
            }
        });
        if (!quality.isEmpty()) {
            apply(quality.summary(callId));
        }
        List<Instant> away = absences.values().stream().map(Absence::since).toList();
        apply(new CallEnded(callId, reason.wireName(), by, caller, callee, CallDurations.ringing(invitedAt, acceptedAt, at),
            CallDurations.setup(acceptedAt, connectedAt), CallDurations.connected(connectedAt, reason, away, at), at));
    }

    /** Media reports: a live, answered call, from one of its two devices. Answers the reporter's address. */
    private String checkReportFromTheCall(Address participant, String device) {
        Party party = OnlyParticipantsMayAct.check(caller, callee, participant);
        EndedCallsStayEnded.check(state, endReason);
        CallsConnectOnlyAfterAnAccept.check(state);
        OnlyTheDevicesInTheCallReport.check(deviceOf(party), participant, device);
        return participant.value();
    }

    /** The selected candidate pair as a participant reported it, to tell a new report from a repeat. */
    private static String pairOf(String local, String remote, String protocol, String device) {
        return local + "/" + remote + "/" + protocol + "@" + device;
    }

    private String deviceOf(Party party) {
        return party == Party.CALLER ? callerDevice : calleeDevice;
    }

    private static void cancel(DeadlineManager deadlines, String name, String id) {
        if (id != null) {
            deadlines.cancelSchedule(name, id);
        }
    }

    private CallStatus status(boolean changed) {
        return new CallStatus(callId, state.wireName(), caller, callee, media, callerDevice, calleeDevice,
            endReason == null ? null : endReason.wireName(), endedBy, changed);
    }
}
