package com.callvault.gateway.auth;

import java.util.List;
import java.util.UUID;

/** Who made a request: the EIP-55 address, the session it came through, and the roles' wire names. */
public record SignedInUser(String address, UUID sessionId, List<String> roles) {

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
