package com.callvault.api.calls;

/**
 * A call quality estimate on the 1–4.5 MOS scale by the E-model as Mattermost and LiveKit use it:
 * {@code Leff = latency + 2·jitter + 10}; {@code R = 93.2 − Leff/40} below 160 ms, else
 * {@code 93.2 − (Leff − 120)/10}; {@code R −= 2.5·loss%}; {@code MOS = 1 + 0.035·R + 7e-6·R·(R − 60)·(100 − R)}.
 * Latency is one-way, half the round trip (as Mattermost's monitor takes it from WebRTC stats). R is kept to
 * [0, 100] and MOS to [1, 4.5], so very bad links score 1 instead of folding back up.
 */
public record MeanOpinionScore(double value) {

    /** Below this a call is shown as poor. */
    public static final double POOR_BELOW = 3.5;

    public static MeanOpinionScore estimate(double rttMs, double jitterMs, double lossPercent) {
        double effectiveLatency = rttMs / 2 + 2 * jitterMs + 10;
        double r = effectiveLatency < 160 ? 93.2 - effectiveLatency / 40 : 93.2 - (effectiveLatency - 120) / 10;
        r = Math.clamp(r - 2.5 * lossPercent, 0.0, 100.0);
        double mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
        return new MeanOpinionScore(Math.clamp(mos, 1.0, 4.5));
    }

    public boolean poor() {
        return value < POOR_BELOW;
    }

    /** Two decimals, as events store it. */
    public double rounded() {
        return Math.round(value * 100) / 100.0;
    }
}
