package com.callvault.model.calls;

import static com.callvault.model.calls.CallFixtures.ALICE;
import static com.callvault.model.calls.CallFixtures.ALICE_LAPTOP;
import static com.callvault.model.calls.CallFixtures.BOB;
import static com.callvault.model.calls.CallFixtures.BOB_LAPTOP;
import static com.callvault.model.calls.CallFixtures.BOB_PHONE;
import static com.callvault.model.calls.CallFixtures.CID;
import static com.callvault.model.calls.CallFixtures.ID;
import static com.callvault.model.calls.CallFixtures.accepted;
import static com.callvault.model.calls.CallFixtures.aliceConnects;
import static com.callvault.model.calls.CallFixtures.at;
import static com.callvault.model.calls.CallFixtures.connected;
import static com.callvault.model.calls.CallFixtures.ended;
import static com.callvault.model.calls.CallFixtures.invited;
import static com.callvault.model.calls.CallFixtures.ringing;
import static com.callvault.model.calls.CallFixtures.status;
import static com.callvault.model.calls.CallFixtures.violation;

import com.callvault.api.ErrorCode;
import com.callvault.api.calls.CallQualitySampled;
import com.callvault.api.calls.CallQualitySummarised;
import com.callvault.api.calls.CandidateType;
import com.callvault.api.calls.ConnectionReported;
import com.callvault.api.calls.HangUpCall;
import com.callvault.api.calls.IceFailed;
import com.callvault.api.calls.MarkCallConnected;
import com.callvault.api.calls.QualityRange;
import com.callvault.api.calls.QualityScored;
import com.callvault.api.calls.ReportCallQuality;
import com.callvault.api.calls.ReportIceFailure;
import com.callvault.api.calls.TransportProtocol;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What clients report becomes data: connected with its candidate pair, quality samples, ICE failures. */
class CallMediaReportsTest {

    private AggregateTestFixture<Call> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Call.class);
    }

    private static ReportCallQuality sample(long second, double rtt, double jitter, double loss) {
        return new ReportCallQuality(ID, ALICE, ALICE_LAPTOP, rtt, jitter, loss, 1_500, at(second));
    }

    private static CallQualitySampled sampled(long second, double rtt, double jitter, double loss, double mos) {
        return new CallQualitySampled(CID, ALICE.value(), ALICE_LAPTOP, rtt, jitter, loss, 1_500, mos, at(second));
    }

    @Test
    void the_first_connected_report_connects_the_call_with_its_candidate_pair() {
        fixture.given(invited(), ringing(), accepted())
            .when(aliceConnects(6))
            .expectEvents(connected())
            .expectResultMessagePayload(status("connected", BOB_PHONE, null, null, true));
    }

    @Test
    void the_other_side_and_a_new_pair_after_an_ice_restart_are_further_reports_and_a_repeat_is_nothing() {
        fixture.given(invited(), accepted(), connected())
            .when(new MarkCallConnected(ID, BOB, BOB_PHONE, 1_200, CandidateType.RELAY, CandidateType.HOST, TransportProtocol.TLS, at(7)))
            .expectEvents(new ConnectionReported(CID, BOB.value(), BOB_PHONE, 1_200, "relay", "host", "tls", true, at(7)));
        fixture.given(invited(), accepted(), connected())
            .when(aliceConnects(8))
            .expectNoEvents()
            .expectResultMessagePayload(status("connected", BOB_PHONE, null, null, false));
    }

    @Test
    void a_call_connects_only_after_an_accept() {
        fixture.given(invited(), ringing())
            .when(aliceConnects(3))
            .expectNoEvents()
            .expectExceptionDetails(violation(ErrorCode.CALL_NOT_ANSWERED, "the call has not been answered yet"));
    }

    @Test
    void a_device_that_was_answered_elsewhere_reports_nothing() {
        fixture.given(invited(), ringing(), accepted())
            .when(new MarkCallConnected(ID, BOB, BOB_LAPTOP, 500, CandidateType.HOST, CandidateType.HOST, TransportProtocol.UDP, at(6)))
            .expectNoEvents()
            .expectExceptionDetails(violation(ErrorCode.NOT_IN_CALL, "device bob-laptop of " + BOB + " is not in this call"));
    }

    @Test
    void impossible_measurements_are_refused() {
        fixture.given(invited(), accepted())
            .when(new MarkCallConnected(ID, ALICE, ALICE_LAPTOP, -1, CandidateType.HOST, CandidateType.HOST, TransportProtocol.UDP, at(6)))
            .expectExceptionDetails(violation(ErrorCode.INVALID_CALL_REPORT, "time to connect is 0-600000 ms"));
        fixture.given(invited(), accepted(), connected())
            .when(sample(10, 80, 5, 140))
            .expectExceptionDetails(violation(ErrorCode.INVALID_CALL_REPORT, "lossPercent is 0-100, got 140.0"));
        fixture.given(invited(), accepted(), connected())
            .when(sample(10, Double.NaN, 5, 1))
            .expectExceptionDetails(violation(ErrorCode.INVALID_CALL_REPORT, "rttMs is 0-60000, got NaN"));
    }

    @Test
    void a_quality_sample_is_scored_by_the_e_model_and_kept() {
        fixture.given(invited(), accepted(), connected())
            .when(sample(10, 100, 10, 1))
            .expectEvents(sampled(10, 100, 10, 1, 4.31))
            .expectResultMessagePayload(new QualityScored(CID, 4.31, false, true));
    }

    @Test
    void samples_sooner_than_the_interval_are_scored_but_not_kept() {
        fixture.given(invited(), accepted(), connected(), sampled(10, 100, 10, 1, 4.31))
            .when(sample(12, 100, 10, 12))
            .expectNoEvents()
            .expectResultMessagePayload(new QualityScored(CID, 3.16, true, false));
        fixture.given(invited(), accepted(), connected(), sampled(10, 100, 10, 1, 4.31))
            .when(sample(15, 0, 0, 0))
            .expectEvents(sampled(15, 0, 0, 0, 4.4));
    }

    @Test
    void quality_is_reported_only_on_an_answered_call() {
        fixture.given(invited(), ringing())
            .when(sample(3, 100, 10, 1))
            .expectExceptionDetails(violation(ErrorCode.CALL_NOT_ANSWERED, "the call has not been answered yet"));
    }

    @Test
    void the_end_of_a_call_summarises_its_quality() {
        fixture.given(invited(), accepted(), connected(), sampled(10, 100, 10, 1, 4.31), sampled(15, 400, 20, 0, 4.03),
                sampled(20, 200, 30, 5, 3.85))
            .when(new HangUpCall(ID, ALICE, at(26)))
            .expectEvents(
                new CallQualitySummarised(CID, 3, new QualityRange(100, 233.33, 400), new QualityRange(10, 20, 30),
                    new QualityRange(0, 2, 5), new QualityRange(1_500, 1_500, 1_500), new QualityRange(3.85, 4.06, 4.31), 0),
                ended("hangup", ALICE.value(), 5_000, 1_000L, 20_000L, 26));
    }

    @Test
    void an_ice_failure_before_connecting_ends_the_call_with_the_gathered_candidates() {
        fixture.given(invited(), ringing(), accepted())
            .when(new ReportIceFailure(ID, BOB, BOB_PHONE, Set.of(CandidateType.SRFLX, CandidateType.HOST), at(20)))
            .expectEvents(new IceFailed(CID, BOB.value(), BOB_PHONE, List.of("host", "srflx"), false, at(20)),
                ended("ice-failed-before-connecting", BOB.value(), 5_000, null, null, 20));
    }

    @Test
    void an_ice_failure_after_connecting_ends_the_call_with_another_reason() {
        fixture.given(invited(), ringing(), accepted(), connected())
            .when(new ReportIceFailure(ID, ALICE, ALICE_LAPTOP, Set.of(CandidateType.HOST, CandidateType.SRFLX, CandidateType.RELAY), at(46)))
            .expectEvents(new IceFailed(CID, ALICE.value(), ALICE_LAPTOP, List.of("host", "srflx", "relay"), true, at(46)),
                ended("ice-failed-after-connecting", ALICE.value(), 5_000, 1_000L, 40_000L, 46));
    }
}
