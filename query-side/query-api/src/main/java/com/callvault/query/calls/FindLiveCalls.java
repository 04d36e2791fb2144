package com.callvault.query.calls;

/** The calls of {@code address} (as caller or callee) that have not ended, oldest first. Answered with a list of {@link LiveCallView}. */
public record FindLiveCalls(String address) {
}
