package com.callvault.gateway.ice.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.ice.health.TurnServerHealth.State;
import com.callvault.gateway.ice.verify.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a TURN server goes down and comes back: after N failed checks in a row, after M good ones. */
class TurnServerHealthTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    static TurnServerHealth check(TurnServerHealth health, boolean relays, int at, int failures, int recoveries) {
        return health.after(relays, relays ? Verdict.OK : Verdict.TIMEOUT, "words", T0.plusSeconds(at), 5, List.of(), failures, recoveries);
    }

    @Test
    void an_unchecked_server_is_unknown_and_handed_out() {
        TurnServerHealth health = TurnServerHealth.unknown("turn.callvs.com:3478", List.of("turn:turn.callvs.com:3478"));

        assertThat(health.state()).isEqualTo(State.UNKNOWN);
        assertThat(health.usable()).isTrue();
    }

    @Test
    void the_first_good_check_makes_it_up() {
        TurnServerHealth up = check(TurnServerHealth.unknown("s:1", List.of()), true, 0, 2, 1);

        assertThat(up.state()).isEqualTo(State.UP);
        assertThat(up.since()).isEqualTo(T0);
        assertThat(up.lastVerdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void it_goes_down_after_the_threshold_of_failures_in_a_row_only() {
        TurnServerHealth up = check(TurnServerHealth.unknown("s:1", List.of()), true, 0, 2, 1);

        TurnServerHealth once = check(up, false, 1, 2, 1);
        TurnServerHealth goodBetween = check(once, true, 2, 2, 1);
        TurnServerHealth onceMore = check(goodBetween, false, 3, 2, 1);
        TurnServerHealth twice = check(onceMore, false, 4, 2, 1);

        assertThat(once.state()).isEqualTo(State.UP);
        assertThat(onceMore.state()).isEqualTo(State.UP);
        assertThat(twice.state()).isEqualTo(State.DOWN);
        assertThat(twice.usable()).isFalse();
        assertThat(twice.since()).isEqualTo(T0.plusSeconds(4));
        assertThat(twice.consecutiveFailures()).isEqualTo(2);
        assertThat(twice.lastVerdict()).isEqualTo(Verdict.TIMEOUT);
    }

    @Test
    void it_comes_back_after_the_threshold_of_good_checks_in_a_row() {
        TurnServerHealth down = check(check(TurnServerHealth.unknown("s:1", List.of()), false, 0, 2, 2), false, 1, 2, 2);

        TurnServerHealth one = check(down, true, 2, 2, 2);
        TurnServerHealth two = check(one, true, 3, 2, 2);

        assertThat(down.state()).isEqualTo(State.DOWN);
        assertThat(one.state()).isEqualTo(State.DOWN);
        assertThat(two.state()).isEqualTo(State.UP);
        assertThat(two.since()).isEqualTo(T0.plusSeconds(3));
    }
}
