package com.callvault.model.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.callvault.api.calls.MeanOpinionScore;
import org.junit.jupiter.api.Test;

/** The E-model of the product brief, checked on inputs worked out by hand (latency = RTT / 2). */
class MeanOpinionScoreTest {

    @Test
    void a_perfect_link_scores_the_models_ceiling_for_its_fixed_10_ms() {
        // Leff = 10 → R = 93.2 − 0.25 = 92.95 → MOS = 1 + 3.25325 + 7e-6 · 92.95 · 32.95 · 7.05
        assertThat(MeanOpinionScore.estimate(0, 0, 0).value()).isCloseTo(4.404394, within(1e-6));
    }

    @Test
    void latency_jitter_and_loss_lower_the_score_below_160_ms() {
        // Leff = 50 + 20 + 10 = 80 → R = 93.2 − 2 − 2.5 = 88.7
        assertThat(MeanOpinionScore.estimate(100, 10, 1).value()).isCloseTo(4.305864, within(1e-6));
    }

    @Test
    void above_160_ms_effective_latency_costs_a_point_of_r_per_10_ms() {
        // Leff = 200 + 40 + 10 = 250 → R = 93.2 − (250 − 120) / 10 = 80.2
        assertThat(MeanOpinionScore.estimate(400, 20, 0).value()).isCloseTo(4.031538, within(1e-6));
    }

    @Test
    void a_call_below_three_and_a_half_is_poor_and_a_hopeless_one_scores_one() {
        MeanOpinionScore lossy = MeanOpinionScore.estimate(100, 10, 12); // R = 91.2 − 30 = 61.2
        assertThat(lossy.rounded()).isEqualTo(3.16);
        assertThat(lossy.poor()).isTrue();
        assertThat(MeanOpinionScore.estimate(50, 5, 40).value()).isEqualTo(1.0);
        assertThat(MeanOpinionScore.estimate(100, 10, 1).poor()).isFalse();
    }
}
