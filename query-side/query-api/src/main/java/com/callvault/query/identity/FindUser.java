package com.callvault.query.identity;

/** Finds a registered user by address (any case). Answers a {@link UserView}, or nothing if never signed in. */
public record FindUser(String address) {

    public FindUser {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address is required");
        }
    }
}
