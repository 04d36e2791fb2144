package com.callvault.gateway.me;

import com.callvault.gateway.auth.SignedInUser;
import com.callvault.query.identity.FindUser;
import com.callvault.query.identity.UserView;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: who the session belongs to. */
@RestController
class MeController {

    private final QueryGateway queries;

    MeController(QueryGateway queries) {
        this.queries = queries;
    }

    record Me(String address, List<String> roles, Instant registeredAt) {
    }

    @GetMapping("/api/me")
    Mono<Me> me(@AuthenticationPrincipal SignedInUser user) {
        return Mono.fromFuture(() -> queries.query(new FindUser(user.address()), ResponseTypes.optionalInstanceOf(UserView.class)))
            .map(view -> view
                .map(v -> new Me(v.address(), v.roles(), v.registeredAt()))
                .orElseGet(() -> new Me(user.address(), user.roles(), null)));
    }
}
