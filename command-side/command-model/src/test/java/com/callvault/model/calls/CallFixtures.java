package com.callvault.model.calls;

import com.callvault.api.ErrorCode;
import com.callvault.api.RuleViolation;
import com.callvault.api.calls.AcceptCall;
import com.callvault.api.calls.CallAccepted;
import com.callvault.api.calls.CallConnected;
import com.callvault.api.calls.CallEnded;
import com.callvault.api.calls.CallId;
import com.callvault.api.calls.CallInvited;
import com.callvault.api.calls.CallMedia;
import com.callvault.api.calls.CallRinging;
import com.callvault.api.calls.CallStatus;
import com.callvault.api.calls.CandidateType;
import com.callvault.api.calls.InviteCall;
import com.callvault.api.calls.MarkCallConnected;
import com.callvault.api.calls.RingCall;
import com.callvault.api.calls.TransportProtocol;
import com.callvault.api.identity.Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One call, Alice → Bob (video), on a timeline in seconds after {@link #T0}: invited at 0, ringing on Bob's
 * phone and laptop at 1, accepted on the phone at 5, connected at 6.
 */
final class CallFixtures {

    static final Address ALICE = Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    static final Address BOB = Address.of("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    static final Address MALLORY = Address.of("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB");
    static final CallId ID = CallId.parse("call:019aa3b4-0000-7000-8000-000000000002");
    static final String CID = ID.value();
    static final String ALICE_LAPTOP = "alice-laptop";
    static final String BOB_PHONE = "bob-phone";
    static final String BOB_LAPTOP = "bob-laptop";
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private CallFixtures() {
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static InviteCall invite() {
        return new InviteCall(ID, ALICE, BOB, CallMedia.VIDEO, ALICE_LAPTOP, T0, null);
    }

    static CallInvited invited() {
        return new CallInvited(CID, ALICE.value(), BOB.value(), "video", ALICE_LAPTOP, 45_000, at(45), T0);
    }

    static RingCall ring() {
        return new RingCall(ID, List.of(BOB_PHONE, BOB_LAPTOP), at(1));
    }

    static CallRinging ringing() {
        return new CallRinging(CID, BOB.value(), List.of(BOB_PHONE, BOB_LAPTOP), at(1));
    }

    static AcceptCall accept() {
        return new AcceptCall(ID, BOB, BOB_PHONE, at(5));
    }

    static CallAccepted accepted() {
        return new CallAccepted(CID, BOB.value(), BOB_PHONE, List.of(BOB_LAPTOP), at(5));
    }

    static MarkCallConnected aliceConnects(long second) {
        return new MarkCallConnected(ID, ALICE, ALICE_LAPTOP, 900, CandidateType.HOST, CandidateType.SRFLX, TransportProtocol.UDP, at(second));
    }

    static CallConnected connected() {
        return new CallConnected(CID, ALICE.value(), ALICE_LAPTOP, 900, "host", "srflx", "udp", false, at(6));
    }

    static CallEnded ended(String reason, String by, long ringingMillis, Long setupMillis, Long connectedMillis, long atSecond) {
        return new CallEnded(CID, reason, by, ALICE.value(), BOB.value(), ringingMillis, setupMillis, connectedMillis, at(atSecond));
    }

    static CallStatus status(String state, String calleeDevice, String endReason, String endedBy, boolean changed) {
        return new CallStatus(CID, state, ALICE.value(), BOB.value(), "video", ALICE_LAPTOP, calleeDevice, endReason, endedBy, changed);
    }

    static RuleViolation violation(ErrorCode code, String message) {
        return new RuleViolation(code, message);
    }

    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
