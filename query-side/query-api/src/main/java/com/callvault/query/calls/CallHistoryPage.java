package com.callvault.query.calls;

import java.util.List;

/** A page of call history; {@code before} is the cursor of the next (older) page, null at the oldest call. */
public record CallHistoryPage(List<CallView> calls, String before) {

    public CallHistoryPage {
        calls = List.copyOf(calls);
    }
}
