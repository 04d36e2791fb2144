package com.callvault.model.calls;

import static com.callvault.model.calls.CallFixtures.ALICE;
import static com.callvault.model.calls.CallFixtures.ALICE_LAPTOP;
import static com.callvault.model.calls.CallFixtures.BOB;
import static com.callvault.model.calls.CallFixtures.BOB_LAPTOP;
import static com.callvault.model.calls.CallFixtures.BOB_PHONE;
import static com.callvault.model.calls.CallFixtures.CID;
import static com.callvault.model.calls.CallFixtures.ID;
import static com.callvault.model.calls.CallFixtures.MALLORY;
import static com.callvault.model.calls.CallFixtures.T0;
import static com.callvault.model.calls.CallFixtures.accept;
import static com.callvault.model.calls.CallFixtures.accepted;
import static com.callvault.model.calls.CallFixtures.at;
import static com.callvault.model.calls.CallFixtures.connected;
import static com.callvault.model.calls.CallFixtures.ended;
import static com.callvault.model.calls.CallFixtures.invite;
import static com.callvault.model.calls.CallFixtures.invited;
import static com.callvault.model.calls.CallFixtures.ring;
import static com.callvault.model.calls.CallFixtures.ringing;
import static com.callvault.model.calls.CallFixtures.status;
import static com.callvault.model.calls.CallFixtures.violation;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.AcceptCall;
import com.callvault.api.calls.CallAccepted;
import com.callvault.api.calls.CallId;
import com.callvault.api.calls.CallMedia;
import com.callvault.api.calls.CallRinging;
import com.callvault.api.calls.CallReplacedInGlare;
import com.callvault.api.calls.CallStatus;
import com.callvault.api.calls.CalleeFoundOffline;
import com.callvault.api.calls.CancelCall;
import com.callvault.api.calls.DeclineCall;
import com.callvault.api.calls.EndCallAsBusy;
import com.callvault.api.calls.EndCallInGlare;
import com.callvault.api.calls.HangUpCall;
import com.callvault.api.calls.InviteCall;
import com.callvault.api.calls.ReportPeerOffline;
import com.callvault.api.calls.RingCall;
import com.callvault.model.calls.CallDeadlines.RingTimeout;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invite, ring, accept, decline, cancel, hang up, busy, offline, glare: each transition and each rule. */
class CallLifecycleTest {

    private AggregateTestFixture<Call> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Call.class);
    }

    @Test
    void an_invite_places_the_call_and_schedules_its_ring_timeout() {
        fixture.givenNoPriorActivity()
            .when(invite())
            .expectEvents(invited())
            .expectScheduledDeadline(at(45), new RingTimeout(at(45)))
            .expectResultMessagePayload(status("invited", null, null, null, true));
    }

    @Test
    void an_invite_that_names_the_callees_online_devices_rings_them_at_once() {
        fixture.givenNoPriorActivity()
            .when(new InviteCall(ID, ALICE, BOB, CallMedia.VIDEO, ALICE_LAPTOP, T0, null, List.of(BOB_PHONE, BOB_LAPTOP, BOB_PHONE)))
            .expectEvents(invited(), new CallRinging(CID, BOB.value(), List.of(BOB_PHONE, BOB_LAPTOP), T0))
            .expectResultMessagePayload(status("ringing", null, null, null, true));
    }

    @Test
    void a_retried_invite_answers_the_call_and_creates_nothing() {
        fixture.given(invited(), ringing())
            .when(invite())
            .expectNoEvents()
            .expectResultMessagePayload(status("ringing", null, null, null, false));
    }

    @Test
    void a_different_invite_with_a_taken_call_id_is_refused() {
        fixture.given(invited())
            .when(new InviteCall(ID, MALLORY, BOB, CallMedia.AUDIO, "m", at(2), null))
            .expectNoEvents()
            .expectExceptionDetails(violation(ErrorCode.CALL_ID_TAKEN, "the call id " + CID + " is already in use"));
    }

    @Test
    void nobody_calls_themselves_rings_for_ever_or_calls_from_an_unnamed_device() {
        fixture.givenNoPriorActivity().when(new InviteCall(ID, ALICE, ALICE, CallMedia.AUDIO, ALICE_LAPTOP, T0, null))
            .expectException(CommandExecutionException.class)
            .expectExceptionDetails(violation(ErrorCode.CANNOT_CALL_SELF, "a call needs two different addresses"));
        fixture.givenNoPriorActivity().when(new InviteCall(ID, ALICE, BOB, CallMedia.AUDIO, ALICE_LAPTOP, T0, Duration.ofMinutes(10)))
            .expectExceptionDetails(violation(ErrorCode.INVALID_RING_TIMEOUT, "a call rings for 1-120 seconds"));
        fixture.givenNoPriorActivity().when(new InviteCall(ID, ALICE, BOB, CallMedia.AUDIO, "has space", T0, null))
            .expectExceptionDetails(violation(ErrorCode.INVALID_DEVICE_ID, "a device id is 1-128 of A-Z a-z 0-9 . _ ~ : -"));
    }

    @Test
    void the_server_reports_ringing_devices_and_only_new_ones_are_recorded() {
        fixture.given(invited())
            .when(ring())
            .expectEvents(ringing())
            .expectResultMessagePayload(status("ringing", null, null, null, true));
        fixture.given(invited(), ringing())
            .when(new RingCall(ID, List.of(BOB_PHONE, "bob-tablet"), at(3)))
            .expectEvents(new CallRinging(CID, BOB.value(), List.of("bob-tablet"), at(3)));
        fixture.given(invited(), ringing())
            .when(new RingCall(ID, List.of(BOB_LAPTOP), at(3)))
            .expectNoEvents();
    }

    @Test
    void the_callee_accepts_on_one_device_and_the_others_are_answered_elsewhere() {
        fixture.given(invited(), ringing())
            .when(accept())
            .expectEvents(new CallAccepted(CID, BOB.value(), BOB_PHONE, List.of(BOB_LAPTOP), at(5)))
            .expectResultMessagePayload(status("accepted", BOB_PHONE, null, null, true));
    }

    @Test
    void an_accept_before_the_ringing_report_still_wins() {
        fixture.given(invited())
            .when(accept())
            .expectEvents(new CallAccepted(CID, BOB.value(), BOB_PHONE, List.of(), at(5)));
    }

    @Test
    void when_two_devices_accept_exactly_one_wins_and_the_other_is_told_it_was_answered() {
        fixture.given(invited(), ringing())
            .andGivenCommands(accept())
            .when(new AcceptCall(ID, BOB, BOB_LAPTOP, at(5)))
            .expectNoEvents()
            .expectExceptionDetails(violation(ErrorCode.CALL_ALREADY_ANSWERED, "the call was answered on another device"));
    }

    @Test
    void the_winning_device_accepting_again_is_a_retry_that_changes_nothing() {
        fixture.given(invited(), ringing(), accepted())
            .when(accept())
            .expectNoEvents()
            .expectResultMessagePayload(status("accepted", BOB_PHONE, null, null, false));
    }

    @Test
    void the_caller_cannot_accept_their_own_call() {
        fixture.given(invited(), ringing())
            .when(new AcceptCall(ID, ALICE, ALICE_LAPTOP, at(2)))
            .expectNoEvents()
            .expectExceptionDetails(violation(ErrorCode.CALLEE_ONLY, "only the callee may accept or decline a call"));
    }

    @Test
    void someone_outside_the_call_can_neither_accept_nor_hang_up() {
        fixture.given(invited(), ringing())
            .when(new AcceptCall(ID, MALLORY, "m", at(2)))
            .expectExceptionDetails(violation(ErrorCode.NOT_IN_CALL, MALLORY + " is not in this call"));
        fixture.given(invited(), accepted(), connected())
            .when(new HangUpCall(ID, MALLORY, at(9)))
            .expectNoEvents()
            .expectExceptionDetails(violation(ErrorCode.NOT_IN_CALL, MALLORY + " is not in this call"));
    }

    @Test
    void a_decline_stops_every_device_and_ends_the_call() {
        fixture.given(invited(), ringing())
            .when(new DeclineCall(ID, BOB, BOB_LAPTOP, at(3)))
            .expectEvents(ended("declined", BOB.value(), 3_000, null, null, 3))
            .expectResultMessagePayload(status("ended", null, "declined", BOB.value(), true));
    }

    @Test
    void an_answered_call_is_hung_up_not_declined_or_cancelled() {
        fixture.given(invited(), ringing(), accepted())
            .when(new DeclineCall(ID, BOB, BOB_LAPTOP, at(6)))
            .expectExceptionDetails(violation(ErrorCode.CALL_ALREADY_ANSWERED, "the call was already answered; hang up instead"));
        fixture.given(invited(), ringing(), accepted())
            .when(new CancelCall(ID, ALICE, at(6)))
            .expectExceptionDetails(violation(ErrorCode.CALL_ALREADY_ANSWERED, "the call was already answered; hang up instead"));
    }

    @Test
    void only_the_caller_cancels_and_only_the_callee_declines() {
        fixture.given(invited(), ringing())
            .when(new CancelCall(ID, ALICE, at(4)))
            .expectEvents(ended("cancelled", ALICE.value(), 4_000, null, null, 4));
        fixture.given(invited(), ringing())
            .when(new CancelCall(ID, BOB, at(4)))
            .expectExceptionDetails(violation(ErrorCode.CALLER_ONLY, "only the caller may cancel a call"));
        fixture.given(invited(), ringing())
            .when(new DeclineCall(ID, ALICE, ALICE_LAPTOP, at(4)))
            .expectExceptionDetails(violation(ErrorCode.CALLEE_ONLY, "only the callee may accept or decline a call"));
    }

    @Test
    void hanging_up_a_connected_call_ends_it_with_its_durations() {
        fixture.given(invited(), ringing(), accepted(), connected())
            .when(new HangUpCall(ID, BOB, at(66)))
            .expectEvents(ended("hangup", BOB.value(), 5_000, 1_000L, 60_000L, 66))
            .expectResultMessagePayload(status("ended", BOB_PHONE, "hangup", BOB.value(), true));
    }

    @Test
    void hanging_up_before_an_answer_is_a_cancel_by_the_caller_or_a_decline_by_the_callee() {
        fixture.given(invited(), ringing())
            .when(new HangUpCall(ID, ALICE, at(2)))
            .expectEvents(ended("cancelled", ALICE.value(), 2_000, null, null, 2));
        fixture.given(invited(), ringing())
            .when(new HangUpCall(ID, BOB, at(2)))
            .expectEvents(ended("declined", BOB.value(), 2_000, null, null, 2));
    }

    @Test
    void the_same_hangup_repeated_answers_without_events() {
        fixture.given(invited(), accepted(), connected(), ended("hangup", BOB.value(), 5_000, 1_000L, 60_000L, 66))
            .when(new HangUpCall(ID, BOB, at(67)))
            .expectNoEvents()
            .expectResultMessagePayload(status("ended", BOB_PHONE, "hangup", BOB.value(), false));
        fixture.given(invited(), ringing(), ended("declined", BOB.value(), 3_000, null, null, 3))
            .when(new DeclineCall(ID, BOB, BOB_PHONE, at(4)))
            .expectNoEvents();
    }

    @Test
    void commands_on_an_ended_call_are_refused() {
        Object[] endedCall = {invited(), accepted(), connected(), ended("hangup", BOB.value(), 5_000, 1_000L, 60_000L, 66)};
        String message = "the call has ended (hangup)";
        fixture.given(endedCall).when(new HangUpCall(ID, ALICE, at(67)))
            .expectNoEvents().expectExceptionDetails(violation(ErrorCode.CALL_ENDED, message));
        fixture.given(endedCall).when(accept())
            .expectExceptionDetails(violation(ErrorCode.CALL_ENDED, message));
        fixture.given(endedCall).when(ring())
            .expectExceptionDetails(violation(ErrorCode.CALL_ENDED, message));
        fixture.given(endedCall).when(invite())
            .expectExceptionDetails(violation(ErrorCode.CALL_ENDED, message));
        fixture.given(endedCall).when(new EndCallAsBusy(ID, at(67)))
            .expectExceptionDetails(violation(ErrorCode.CALL_ENDED, message));
    }

    @Test
    void a_callee_without_a_live_session_ends_the_call_at_once_as_peer_offline() {
        fixture.given(invited())
            .when(new ReportPeerOffline(ID, false, at(0)))
            .expectEvents(new CalleeFoundOffline(CID, BOB.value(), false, T0), ended("peer-offline", "server", 0, null, null, 0));
        fixture.given(invited(), ringing())
            .when(new ReportPeerOffline(ID, false, at(2)))
            .expectExceptionDetails(violation(ErrorCode.CALL_ALREADY_RINGING, "the call is already ringing on a device of the callee"));
    }

    @Test
    void a_callee_woken_by_a_push_keeps_the_call_ringing_for_a_device_that_comes_online() {
        fixture.given(invited())
            .when(new ReportPeerOffline(ID, true, at(0)))
            .expectEvents(new CalleeFoundOffline(CID, BOB.value(), true, T0))
            .expectResultMessagePayload(new CallStatus(CID, "invited", ALICE.value(), BOB.value(), "video", ALICE_LAPTOP, null, null, null, true));
        fixture.given(invited(), new CalleeFoundOffline(CID, BOB.value(), true, T0))
            .when(ring())
            .expectEvents(ringing());
    }

    @Test
    void a_callee_in_another_call_ends_this_one_as_busy() {
        fixture.given(invited())
            .when(new EndCallAsBusy(ID, at(0)))
            .expectEvents(ended("busy", "server", 0, null, null, 0));
    }

    @Test
    void in_glare_the_call_with_the_higher_id_gives_way_to_the_lower_one() {
        CallId lower = CallId.parse("call:019aa3b4-0000-7000-8000-000000000001");
        CallId higher = CallId.parse("call:019aa3b4-0000-7000-8000-000000000003");
        fixture.given(invited(), ringing())
            .when(new EndCallInGlare(ID, lower, at(1)))
            .expectEvents(new CallReplacedInGlare(CID, lower.value(), at(1)), ended("glare-replaced", "server", 1_000, null, null, 1));
        fixture.given(invited(), ringing())
            .when(new EndCallInGlare(ID, higher, at(1)))
            .expectNoEvents()
            .expectExceptionDetails(violation(ErrorCode.GLARE_KEEPS_THIS_CALL,
                CID + " has the lower id and is the one kept in glare with " + higher));
    }
}
