package com.callvault.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a verified sign-in of an address. The first one registers the user; later ones change nothing,
 * so the command is safe to retry.
 */
public record RegisterUser(@TargetAggregateIdentifier UserId userId, Instant signedInAt) {

    public RegisterUser {
        if (userId == null || signedInAt == null) {
            throw new IllegalArgumentException("userId and signedInAt are required");
        }
    }
}
