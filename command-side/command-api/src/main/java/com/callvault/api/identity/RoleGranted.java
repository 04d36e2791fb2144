package com.callvault.api.identity;

import java.time.Instant;

/** A role was granted; {@code role} is the {@link Role} name, {@code grantedBy} an address or {@code configuration}. */
public record RoleGranted(String userId, String role, String grantedBy, Instant grantedAt) implements UserEvent {

    public static RoleGranted of(GrantRole command) {
        return new RoleGranted(command.userId().value(), command.role().name(), command.grantedBy(), command.grantedAt());
    }
}
