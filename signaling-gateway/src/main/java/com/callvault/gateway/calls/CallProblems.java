package com.callvault.gateway.calls;

import com.callvault.api.calls.CallId;
import com.callvault.gateway.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** The refusals the gateway itself gives about calls (the aggregate's own come with their rule's code). */
final class CallProblems {

    private CallProblems() {
    }

    static CallId callId(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("\"callId\" is required");
        }
        try {
            return CallId.parse(value);
        } catch (IllegalArgumentException e) {
            throw notFound(value);
        }
    }

    static ApiProblem notFound(String callId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "call-not-found", "Not Found", "There is no live call " + callId);
    }

    static ApiProblem invalid(String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-frame", "Invalid frame", message);
    }
}
