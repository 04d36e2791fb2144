package com.callvault.query.identity;

import java.time.Instant;
import java.util.List;

/** A user as the read side knows them: EIP-55 address, role wire names ({@code user}, {@code admin}, …). */
public record UserView(String address, List<String> roles, Instant registeredAt) {

    public UserView {
        roles = List.copyOf(roles);
    }
}
