package com.callvault.gateway.push;

import com.callvault.gateway.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** The refusals of the push endpoints, one factory per code (docs/push.md lists them). */
final class PushProblems {

    private PushProblems() {
    }

    static ApiProblem disabled() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "push-disabled", "Push notifications are disabled",
            "This server has no VAPID keys (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY), so it sends no push notifications");
    }

    static ApiProblem malformed(String detail) {
        return ApiProblem.badRequest(detail);
    }

    static ApiProblem invalidEndpoint(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-push-endpoint", "Invalid push endpoint", detail);
    }

    static ApiProblem invalidKey(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-push-key", "Invalid push subscription key", detail);
    }

    static ApiProblem expired() {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "push-subscription-expired", "Push subscription expired",
            "The subscription's expirationTime has passed: subscribe again in the browser and send the new one");
    }

    static ApiProblem notFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "push-subscription-not-found", "Push subscription not found",
            "You have no push subscription with this endpoint");
    }
}
