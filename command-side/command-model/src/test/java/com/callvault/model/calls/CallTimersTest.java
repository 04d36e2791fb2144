package com.callvault.model.calls;

import static com.callvault.model.calls.CallFixtures.ALICE;
import static com.callvault.model.calls.CallFixtures.ALICE_LAPTOP;
import static com.callvault.model.calls.CallFixtures.BOB;
import static com.callvault.model.calls.CallFixtures.BOB_PHONE;
import static com.callvault.model.calls.CallFixtures.CID;
import static com.callvault.model.calls.CallFixtures.ID;
import static com.callvault.model.calls.CallFixtures.T0;
import static com.callvault.model.calls.CallFixtures.accept;
import static com.callvault.model.calls.CallFixtures.aliceConnects;
import static com.callvault.model.calls.CallFixtures.at;
import static com.callvault.model.calls.CallFixtures.ended;
import static com.callvault.model.calls.CallFixtures.invite;
import static com.callvault.model.calls.CallFixtures.ring;
import static com.callvault.model.calls.CallFixtures.seconds;
import static com.callvault.model.calls.CallFixtures.violation;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallMedia;
import com.callvault.api.calls.HangUpCall;
import com.callvault.api.calls.InviteCall;
import com.callvault.api.calls.MarkParticipantDisconnected;
import com.callvault.api.calls.MarkParticipantReconnected;
import com.callvault.api.calls.ParticipantDisconnected;
import com.callvault.api.calls.ParticipantReconnected;
import com.callvault.model.calls.CallDeadlines.ConnectTimeout;
import com.callvault.model.calls.CallDeadlines.ReconnectGrace;
import com.callvault.model.calls.CallDeadlines.RingTimeout;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable timers: ring timeout, connect timeout, reconnect grace; when they fire and when they are cancelled. */
class CallTimersTest {

    private AggregateTestFixture<Call> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Call.class);
    }

    @Test
    void an_unanswered_call_ends_with_no_answer_when_the_ring_timeout_expires() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), ring())
            .whenTimeElapses(seconds(45))
            .expectDeadlinesMet(new RingTimeout(at(45)))
            .expectEvents(ended("no-answer", "server", 45_000, null, null, 45));
    }

    @Test
    void the_ring_timeout_comes_from_the_invite() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(new InviteCall(ID, ALICE, BOB, CallMedia.AUDIO, ALICE_LAPTOP, T0, seconds(2)))
            .whenTimeElapses(seconds(2))
            .expectEvents(ended("no-answer", "server", 2_000, null, null, 2));
    }

    @Test
    void an_accept_cancels_the_ring_timeout_and_starts_the_connect_timeout() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), ring())
            .when(accept())
            .expectNoScheduledDeadlineOfType(at(45), RingTimeout.class)
            .expectScheduledDeadline(at(35), new ConnectTimeout(at(35)));
    }

    @Test
    void an_accepted_call_that_never_connects_ends_as_ice_failed_before_connecting() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), ring(), accept())
            .whenTimeElapses(seconds(35))
            .expectDeadlinesMet(new ConnectTimeout(at(35)))
            .expectEvents(ended("ice-failed-before-connecting", "server", 5_000, null, null, 35));
    }

    @Test
    void a_connected_call_has_no_timer_left() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), ring(), accept(), aliceConnects(6))
            .whenTimeElapses(seconds(120))
            .expectNoEvents()
            .expectNoScheduledDeadlines();
    }

    @Test
    void a_participant_whose_socket_drops_gets_a_reconnect_grace() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), accept(), aliceConnects(6))
            .when(new MarkParticipantDisconnected(ID, BOB, BOB_PHONE, at(10)))
            .expectEvents(new ParticipantDisconnected(CID, BOB.value(), BOB_PHONE, at(10), at(30)))
            .expectScheduledDeadline(at(30), new ReconnectGrace(BOB.value(), at(10), at(30)));
    }

    @Test
    void a_participant_back_within_the_grace_keeps_the_call() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), accept(), aliceConnects(6), new MarkParticipantDisconnected(ID, BOB, BOB_PHONE, at(10)))
            .when(new MarkParticipantReconnected(ID, BOB, BOB_PHONE, at(15)))
            .expectEvents(new ParticipantReconnected(CID, BOB.value(), BOB_PHONE, at(15), 5_000))
            .expectNoScheduledDeadlines();
        setUp();
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), accept(), aliceConnects(6), new MarkParticipantDisconnected(ID, BOB, BOB_PHONE, at(10)),
                new MarkParticipantReconnected(ID, BOB, BOB_PHONE, at(15)))
            .whenTimeElapses(seconds(60))
            .expectNoEvents();
    }

    @Test
    void a_participant_not_back_within_the_grace_ends_the_call_as_connection_lost() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), accept(), aliceConnects(6), new MarkParticipantDisconnected(ID, BOB, BOB_PHONE, at(10)))
            .whenTimeElapses(seconds(30))
            .expectDeadlinesMet(new ReconnectGrace(BOB.value(), at(10), at(30)))
            .expectEvents(ended("connection-lost", BOB.value(), 5_000, 1_000L, 4_000L, 30));
    }

    @Test
    void reporting_a_drop_twice_or_a_return_without_a_drop_changes_nothing() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), accept(), new MarkParticipantDisconnected(ID, ALICE, ALICE_LAPTOP, at(7)))
            .when(new MarkParticipantDisconnected(ID, ALICE, ALICE_LAPTOP, at(8)))
            .expectNoEvents();
        setUp();
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), accept())
            .when(new MarkParticipantReconnected(ID, ALICE, ALICE_LAPTOP, at(8)))
            .expectNoEvents();
    }

    @Test
    void only_a_device_in_the_call_can_drop_out_of_it() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), ring())
            .when(new MarkParticipantDisconnected(ID, BOB, BOB_PHONE, at(3)))
            .expectExceptionDetails(violation(ErrorCode.NOT_IN_CALL, "device bob-phone of " + BOB + " is not in this call"));
    }

    @Test
    void ending_a_call_cancels_every_timer_it_still_had() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), accept(), new MarkParticipantDisconnected(ID, ALICE, ALICE_LAPTOP, at(7)))
            .when(new HangUpCall(ID, BOB, at(8)))
            .expectEvents(ended("hangup", BOB.value(), 5_000, null, null, 8))
            .expectNoScheduledDeadlines();
    }

    @Test
    void a_caller_who_drops_while_it_rings_and_stays_away_ends_the_call() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), ring(), new MarkParticipantDisconnected(ID, ALICE, ALICE_LAPTOP, at(2)))
            .whenTimeElapses(seconds(22))
            .expectEvents(ended("connection-lost", ALICE.value(), 22_000, null, null, 22))
            // a deadline ending the call cancels no other (it may be running beside it); the ring timer stays
            .expectScheduledDeadline(at(45), new RingTimeout(at(45)));
    }

    @Test
    void a_timer_left_running_after_the_call_ended_finds_it_ended_and_does_nothing() {
        fixture.givenCurrentTime(T0)
            .andGivenCommands(invite(), ring(), new MarkParticipantDisconnected(ID, ALICE, ALICE_LAPTOP, at(2)))
            .whenTimeElapses(seconds(60))
            .expectDeadlinesMet(new ReconnectGrace(ALICE.value(), at(2), at(22)), new RingTimeout(at(45)))
            .expectEvents(ended("connection-lost", ALICE.value(), 22_000, null, null, 22))
            .expectNoScheduledDeadlines();
    }
}
