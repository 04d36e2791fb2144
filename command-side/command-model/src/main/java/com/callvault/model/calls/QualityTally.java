package com.callvault.model.calls;

import com.callvault.api.calls.CallQualitySampled;
import com.callvault.api.calls.CallQualitySummarised;
import com.callvault.api.calls.MeanOpinionScore;
import com.callvault.api.calls.QualityRange;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

/** Running min/sum/max of the kept quality samples, rebuilt from {@link CallQualitySampled} events. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class QualityTally {

    private long samples;
    private long poorSamples;
    private Measure rtt = new Measure();
    private Measure jitter = new Measure();
    private Measure loss = new Measure();
    private Measure bitrate = new Measure();
    private Measure mos = new Measure();

    void add(CallQualitySampled sample) {
        samples++;
        if (sample.mos() < MeanOpinionScore.POOR_BELOW) {
            poorSamples++;
        }
        rtt.add(sample.rttMs());
        jitter.add(sample.jitterMs());
        loss.add(sample.lossPercent());
        bitrate.add(sample.bitrateKbps());
        mos.add(sample.mos());
    }

    boolean isEmpty() {
        return samples == 0;
    }

    CallQualitySummarised summary(String callId) {
        return new CallQualitySummarised(callId, samples, rtt.range(samples), jitter.range(samples), loss.range(samples),
            bitrate.range(samples), mos.range(samples), poorSamples);
    }

    /** One measure; no infinities, so it serializes as plain JSON in snapshots. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
    static final class Measure {
        private double min;
        private double max;
        private double sum;
        private boolean seen;

        void add(double value) {
            min = seen ? Math.min(min, value) : value;
            max = seen ? Math.max(max, value) : value;
            sum += value;
            seen = true;
        }

        QualityRange range(long count) {
            return new QualityRange(min, Math.round(sum / count * 100) / 100.0, max);
        }
    }
}
