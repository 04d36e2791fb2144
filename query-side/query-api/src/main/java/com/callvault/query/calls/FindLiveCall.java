package com.callvault.query.calls;

/** One call if it has not ended. Answered with an optional {@link LiveCallView}. */
public record FindLiveCall(String callId) {
}
