package com.callvault.api.calls;

import java.time.Instant;

/** One kept quality sample from a participant's device, with its {@link MeanOpinionScore} (two decimals). */
public record CallQualitySampled(String callId, String participant, String device, double rttMs, double jitterMs,
                                 double lossPercent, double bitrateKbps, double mos, Instant sampledAt) implements CallEvent {

    public static CallQualitySampled of(ReportCallQuality command, MeanOpinionScore mos) {
        return new CallQualitySampled(command.callId().value(), command.participant().value(), command.device(), command.rttMs(),
            command.jitterMs(), command.lossPercent(), command.bitrateKbps(), mos.rounded(), command.at());
    }
}
