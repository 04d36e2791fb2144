package com.callvault.api.calls;

/**
 * What {@link ReportCallQuality} answers: the sample's MOS estimate for the live quality indicator, whether it
 * is poor, and whether the sample was kept as an event (false when it came sooner than the sample interval).
 */
public record QualityScored(String callId, double mos, boolean poor, boolean recorded) {
}
