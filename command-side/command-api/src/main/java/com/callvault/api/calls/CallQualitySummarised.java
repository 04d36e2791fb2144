package com.callvault.api.calls;

/**
 * The quality of the whole call over every kept sample of both participants, written just before
 * {@link CallEnded} when there was at least one sample. {@code poorSamples} had a MOS below
 * {@link MeanOpinionScore#POOR_BELOW}.
 */
public record CallQualitySummarised(String callId, long samples, QualityRange rttMs, QualityRange jitterMs,
                                    QualityRange lossPercent, QualityRange bitrateKbps, QualityRange mos, long poorSamples)
    implements CallEvent {
}
