package com.callvault.projection.identity;

import com.callvault.api.identity.Role;
import com.callvault.api.identity.RoleGranted;
import com.callvault.api.identity.UserRegistered;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the user directory. Rows are written with JDBC inside the event processor's transaction, so a
 * row and the processor's token commit together; inserts are idempotent so a replay converges.
 */
@Component
@ProcessingGroup(UserDirectoryProjector.PROCESSING_GROUP)
class UserDirectoryProjector {

    static final String PROCESSING_GROUP = "user-directory";

    private final JdbcTemplate jdbc;

    UserDirectoryProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.update("INSERT INTO user_account (user_id, address, registered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            event.userId(), event.address(), Timestamp.from(event.registeredAt()));
        jdbc.update("INSERT INTO user_role (user_id, role, granted_by, granted_at) VALUES (?, ?, 'registration', ?) ON CONFLICT DO NOTHING",
            event.userId(), Role.USER.name(), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(RoleGranted event) {
        jdbc.update("INSERT INTO user_role (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            event.userId(), event.role(), event.grantedBy(), Timestamp.from(event.grantedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM user_account");
    }
}
