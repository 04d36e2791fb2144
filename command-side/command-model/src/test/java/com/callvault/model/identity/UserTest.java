package com.callvault.model.identity;

import com.callvault.api.identity.Address;
import com.callvault.api.identity.GrantRole;
import com.callvault.api.identity.RegisterUser;
import com.callvault.api.identity.RegisteredUser;
import com.callvault.api.identity.Role;
import com.callvault.api.identity.RoleGranted;
import com.callvault.api.identity.UserId;
import com.callvault.api.identity.UserRegistered;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final UserId ALICE = UserId.of(Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    @Test
    void the_first_sign_in_registers_the_user_with_the_checksummed_address() {
        fixture.givenNoPriorActivity()
            .when(new RegisterUser(ALICE, T0))
            .expectSuccessfulHandlerExecution()
            .expectEvents(new UserRegistered(ALICE.value(), "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", T0))
            .expectResultMessagePayload(new RegisteredUser(ALICE.value(), "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", List.of("user"), true));
    }

    @Test
    void a_later_sign_in_changes_nothing_and_answers_the_current_roles() {
        fixture.given(UserRegistered.of(ALICE, T0), new RoleGranted(ALICE.value(), "ADMIN", "configuration", T0))
            .when(new RegisterUser(ALICE, T1))
            .expectNoEvents()
            .expectResultMessagePayload(new RegisteredUser(ALICE.value(), ALICE.address().value(), List.of("user", "admin"), false));
    }

    @Test
    void granting_a_role_records_who_granted_it() {
        fixture.given(UserRegistered.of(ALICE, T0))
            .when(new GrantRole(ALICE, Role.ADMIN, GrantRole.BY_CONFIGURATION, T1))
            .expectEvents(new RoleGranted(ALICE.value(), "ADMIN", "configuration", T1));
    }

    @Test
    void granting_a_role_the_user_already_holds_changes_nothing() {
        fixture.given(UserRegistered.of(ALICE, T0), new RoleGranted(ALICE.value(), "ADMIN", "configuration", T0))
            .when(new GrantRole(ALICE, Role.ADMIN, GrantRole.BY_CONFIGURATION, T1))
            .expectSuccessfulHandlerExecution()
            .expectNoEvents();
    }

    @Test
    void a_role_cannot_be_granted_to_an_address_that_never_signed_in() {
        fixture.givenNoPriorActivity()
            .when(new GrantRole(ALICE, Role.ADMIN, GrantRole.BY_CONFIGURATION, T1))
            .expectException(AggregateNotFoundException.class);
    }
}
