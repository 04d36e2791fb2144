package com.callvault.projection.identity;

import com.callvault.api.identity.Role;
import com.callvault.query.identity.FindUser;
import com.callvault.query.identity.UserView;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Answers queries on the user directory through R2DBC. Handlers return {@link CompletableFuture}: Axon
 * would block on a {@code Mono}, and that on a Netty event loop.
 */
@Component
class UserDirectoryQueries {

    private static final String FIND_USER = """
        SELECT a.address, a.registered_at, string_agg(r.role, ',') AS roles
          FROM user_account a LEFT JOIN user_role r ON r.user_id = a.user_id
         WHERE a.user_id = :userId
         GROUP BY a.address, a.registered_at
        """;

    private final DatabaseClient db;

    UserDirectoryQueries(DatabaseClient db) {
        this.db = db;
    }

    @QueryHandler
    CompletableFuture<UserView> handle(FindUser query) {
        return db.sql(FIND_USER)
            .bind("userId", "user:" + query.address().toLowerCase(Locale.ROOT))
            .map((row, meta) -> new UserView(
                row.get("address", String.class),
                Arrays.stream(row.get("roles", String.class).split(","))
                    .map(Role::valueOf).sorted(Comparator.naturalOrder()).map(Role::wireName).toList(),
                row.get("registered_at", OffsetDateTime.class).toInstant()))
            .one()
            .toFuture();
    }
}
