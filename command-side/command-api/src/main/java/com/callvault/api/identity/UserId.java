package com.callvault.api.identity;

import com.callvault.api.AggregateId;

/** The id of the {@code User} aggregate: one per address, so sign-ins from any device meet in one stream. */
public record UserId(String value) implements AggregateId {

    public static final String PREFIX = "user";

    public UserId {
        String local = AggregateId.localPart(PREFIX, value);
        value = AggregateId.compose(PREFIX, Address.of(local).lowerCase());
    }

    public static UserId of(Address address) {
        return new UserId(AggregateId.compose(PREFIX, address.lowerCase()));
    }

    public Address address() {
        return Address.of(AggregateId.localPart(PREFIX, value));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String toString() {
        return value;
    }
}
