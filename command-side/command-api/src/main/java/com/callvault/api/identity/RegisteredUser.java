package com.callvault.api.identity;

import java.util.List;

/** What {@link RegisterUser} answers: the user as the write side knows it right after the sign-in. */
public record RegisteredUser(String userId, String address, List<String> roles, boolean firstSignIn) {

    public RegisteredUser {
        roles = List.copyOf(roles);
    }
}
