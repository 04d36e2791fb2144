package com.callvault.model.calls;

import static com.callvault.model.calls.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.MarkCallConnected;
import com.callvault.api.calls.ReportCallQuality;

/** What clients report is data for analysts, so it must be measurements that can be true. */
final class ReportsAreWithinRange {

    /** Anything slower than this was not a connection attempt but a stuck client. */
    static final long MAX_TIME_TO_CONNECT_MILLIS = 10 * 60 * 1000;
    /** A minute of round trip is no call. */
    static final double MAX_MILLIS = 60_000;
    /** 100 Mbit/s: more than any 1:1 WebRTC call sends. */
    static final double MAX_KBPS = 100_000;

    private ReportsAreWithinRange() {
    }

    static void check(MarkCallConnected report) {
        if (report.localCandidateType() == null || report.remoteCandidateType() == null || report.protocol() == null) {
            throw refuse(ErrorCode.INVALID_CALL_REPORT, "a connected report names the selected candidate types and protocol");
        }
        if (report.timeToConnectMillis() < 0 || report.timeToConnectMillis() > MAX_TIME_TO_CONNECT_MILLIS) {
            throw refuse(ErrorCode.INVALID_CALL_REPORT, "time to connect is 0-" + MAX_TIME_TO_CONNECT_MILLIS + " ms");
        }
    }

    static void check(ReportCallQuality sample) {
        within("rttMs", sample.rttMs(), MAX_MILLIS);
        within("jitterMs", sample.jitterMs(), MAX_MILLIS);
        within("lossPercent", sample.lossPercent(), 100);
        within("bitrateKbps", sample.bitrateKbps(), MAX_KBPS);
    }

    private static void within(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) { // also refuses NaN
            throw refuse(ErrorCode.INVALID_CALL_REPORT, name + " is 0-" + (long) max + ", got " + value);
        }
    }
}
