package com.callvault.gateway.calls;

import com.callvault.api.calls.CallId;
import com.callvault.gateway.auth.SignedInUser;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.query.calls.CallHistoryPage;
import com.callvault.query.calls.FindCallHistory;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/calls}: the signed-in user's calls, placed and received, newest first; {@code before} (a call id
 * from the previous page's {@code before}) pages back, {@code limit} is 1–200 (50 by default). Read from the
 * call-facts projection, so a call that just ended shows its outcome a moment later.
 */
@RestController
@RequestMapping("/api/calls")
class CallHistoryController {

    static final int DEFAULT_LIMIT = 50;

    private final QueryGateway queries;

    CallHistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    Mono<CallHistoryPage> history(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String before,
                                  @RequestParam(required = false) String limit) {
        return Mono.defer(() -> {
            int size = limit(limit);
            if (before != null) {
                try {
                    CallId.parse(before);
                } catch (IllegalArgumentException e) {
                    throw invalid("invalid-cursor", "'before' is a call id from a previous page");
                }
            }
            return Mono.fromFuture(queries.query(new FindCallHistory(user.address(), before, size), CallHistoryPage.class));
        });
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= FindCallHistory.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("invalid-limit", "'limit' is a whole number from 1 to " + FindCallHistory.MAX_LIMIT);
    }

    private static ApiProblem invalid(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, "Bad Request", detail);
    }
}
