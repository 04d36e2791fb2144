package com.callvault.gateway.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callvault.api.calls.AcceptCall;
import com.callvault.api.calls.CallId;
import com.callvault.api.calls.CallMedia;
import com.callvault.api.calls.CallStatus;
import com.callvault.api.calls.CandidateType;
import com.callvault.api.calls.HangUpCall;
import com.callvault.api.calls.InviteCall;
import com.callvault.api.calls.MarkCallConnected;
import com.callvault.api.calls.RingCall;
import com.callvault.api.calls.TransportProtocol;
import com.callvault.api.identity.Address;
import com.callvault.gateway.commands.Commands;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Calls are cached on each instance between commands. Here the two parties act through two instances on one
 * database, as behind a load balancer, so each instance's cached copy falls behind the other's commands: every
 * decision must still be made on the stored call, including refusals and "nothing to do", which append nothing.
 */
class CallsAcrossInstancesTest extends GatewayIntegrationTest {

    private static ConfigurableApplicationContext other;

    @Autowired
    Commands here;

    Address alice = Address.of(TestWallet.random().address());
    Address bob = Address.of(TestWallet.random().address());

    @BeforeAll
    static void anotherInstance() {
        other = startAnotherInstance();
    }

    @AfterAll
    static void stopIt() {
        other.close();
    }

    @Test
    void the_caller_reports_connected_here_after_the_callee_accepted_there() {
        CallId call = invitedAndRungHere();
        assertThat(there().<CallStatus>send(new AcceptCall(call, bob, "bob-phone", Instant.now())).block())
            .returns("accepted", CallStatus::state);

        CallStatus connected = here.<CallStatus>send(connected(call)).block();

        assertThat(connected).returns("connected", CallStatus::state).returns(true, CallStatus::changed);
    }

    @Test
    void a_repeat_here_after_the_call_ended_there_answers_the_ended_call_not_the_cached_one() {
        CallId call = invitedAndRungHere();
        there().<CallStatus>send(new AcceptCall(call, bob, "bob-phone", Instant.now())).block();
        here.<CallStatus>send(connected(call)).block();
        assertThat(there().<CallStatus>send(new HangUpCall(call, bob, Instant.now())).block()).returns("ended", CallStatus::state);

        // the same report again: "nothing to do" on the copy cached here, refused on the stored call
        assertThatThrownBy(() -> here.<CallStatus>send(connected(call)).block())
            .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("call-ended"));
        // the invite sent again: refused as the stored call has ended (the cached copy still rings)
        assertThatThrownBy(() -> here.<CallStatus>send(invite(call)).block())
            .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("call-ended"));
    }

    @Test
    void commands_alternating_between_the_instances_all_land_in_order() {
        CallId call = invitedAndRungHere();
        assertThat(there().<CallStatus>send(new RingCall(call, List.of("bob-laptop"), Instant.now())).block()).returns(true, CallStatus::changed);
        assertThat(here.<CallStatus>send(new AcceptCall(call, bob, "bob-laptop", Instant.now())).block()).returns("accepted", CallStatus::state);
        assertThat(there().<CallStatus>send(connected(call)).block()).returns("connected", CallStatus::state);
        assertThat(here.<CallStatus>send(new HangUpCall(call, alice, Instant.now())).block())
            .returns("ended", CallStatus::state).returns(alice.value(), CallStatus::endedBy);
    }

    private CallId invitedAndRungHere() {
        CallId call = CallId.newId();
        CallStatus invited = here.<CallStatus>send(invite(call)).block();
        assertThat(invited).returns("ringing", CallStatus::state);
        return call;
    }

    private InviteCall invite(CallId call) {
        return new InviteCall(call, alice, bob, CallMedia.AUDIO, "alice-phone", Instant.now(), Duration.ofSeconds(45), List.of("bob-phone"));
    }

    private MarkCallConnected connected(CallId call) {
        return new MarkCallConnected(call, alice, "alice-phone", 420, CandidateType.HOST, CandidateType.HOST, TransportProtocol.UDP, Instant.now());
    }

    private static Commands there() {
        return other.getBean(Commands.class);
    }
}
