package com.callvault.api.identity;

import java.time.Instant;

/** An address signed in for the first time. {@code address} is EIP-55 checksummed. */
public record UserRegistered(String userId, String address, Instant registeredAt) implements UserEvent {

    public static UserRegistered of(UserId id, Instant at) {
        return new UserRegistered(id.value(), id.address().value(), at);
    }
}
