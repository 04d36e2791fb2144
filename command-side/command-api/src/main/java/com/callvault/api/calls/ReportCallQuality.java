package com.callvault.api.calls;

import com.callvault.api.identity.Address;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A periodic quality sample from a participant's device (from WebRTC stats). Answered with its MOS estimate;
 * kept as an event at most once per {@link CallLimits#QUALITY_SAMPLE_INTERVAL} per participant.
 */
public record ReportCallQuality(@TargetAggregateIdentifier CallId callId, Address participant, String device,
                                double rttMs, double jitterMs, double lossPercent, double bitrateKbps, Instant at) {
}
