package com.callvault.model.identity;

import com.callvault.api.identity.Role;
import java.util.Set;

/** Granting a role the user already holds is a no-op, not an error: grants from configuration repeat on every sign-in. */
final class RoleIsGrantedOnce {

    private RoleIsGrantedOnce() {
    }

    static boolean alreadyHolds(Set<Role> roles, Role role) {
        return roles.contains(role);
    }
}
