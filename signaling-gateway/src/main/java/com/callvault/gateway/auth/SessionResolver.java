package com.callvault.gateway.auth;

import com.callvault.query.identity.FindUser;
import com.callvault.query.identity.UserView;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who a session token belongs to: the live session's address and the user's roles. Empty for an unknown, expired or ended session. */
@Component
public class SessionResolver {

    private final SessionStore sessions;
    private final QueryGateway queries;

    SessionResolver(SessionStore sessions, QueryGateway queries) {
        this.sessions = sessions;
        this.queries = queries;
    }

    public Mono<SignedInUser> resolve(String token) {
        return sessions.find(token)
            .flatMap(session -> roles(session.address()).map(roles -> new SignedInUser(session.address(), session.sessionId(), roles)));
    }

    /** Roles come from the user directory; right after a first sign-in it may not have caught up: then just "user". */
    private Mono<List<String>> roles(String address) {
        return Mono.fromFuture(() -> queries.query(new FindUser(address), ResponseTypes.optionalInstanceOf(UserView.class)))
            .map(view -> view.map(UserView::roles).orElse(List.of("user")));
    }
}
