package com.callvault.model.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.callvault.api.identity.GrantRole;
import com.callvault.api.identity.RegisterUser;
import com.callvault.api.identity.RegisteredUser;
import com.callvault.api.identity.Role;
import com.callvault.api.identity.RoleGranted;
import com.callvault.api.identity.UserId;
import com.callvault.api.identity.UserRegistered;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A person, known by their address. Registered by the first verified sign-in; holds the roles granted. */
@Aggregate
class User {

    @AggregateIdentifier
    private String userId;
    private String address;
    private final Set<Role> roles = EnumSet.noneOf(Role.class);

    User() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegisteredUser handle(RegisterUser command) {
        boolean first = userId == null;
        if (first) {
            apply(UserRegistered.of(command.userId(), command.signedInAt()));
        }
        return new RegisteredUser(userId, address, roles.stream().map(Role::wireName).toList(), first);
    }

    @CommandHandler
    void handle(GrantRole command) {
        if (RoleIsGrantedOnce.alreadyHolds(roles, command.role())) {
            return;
        }
        apply(RoleGranted.of(command));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = new UserId(event.userId()).value();
        address = event.address();
        roles.add(Role.USER);
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        roles.add(Role.valueOf(event.role()));
    }
}
