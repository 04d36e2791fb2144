package com.callvault.query.messaging;

/** The conversations {@code address} (any case) is a member of. Answers an {@link InboxView}. */
public record FindInbox(String address) {

    public FindInbox {
        Require.text(address, "address");
    }
}
