package com.callvault.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grants a role. Granting a role the user already has changes nothing. {@code grantedBy} names who
 * granted it: an admin's address, or {@code configuration} for the addresses in {@code ADMIN_ADDRESSES}.
 */
public record GrantRole(@TargetAggregateIdentifier UserId userId, Role role, String grantedBy, Instant grantedAt) {

    public static final String BY_CONFIGURATION = "configuration";

    public GrantRole {
        if (userId == null || role == null || grantedBy == null || grantedBy.isBlank() || grantedAt == null) {
            throw new IllegalArgumentException("userId, role, grantedBy and grantedAt are required");
        }
    }
}
