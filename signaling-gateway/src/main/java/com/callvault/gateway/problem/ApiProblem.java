package com.callvault.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * An error that crosses the HTTP boundary as RFC 9457 problem details: a stable {@code code} clients can
 * switch on, a status, a short title and a human detail. Never carries a stack trace to the client.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;

    public ApiProblem(HttpStatus status, String code, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "The request is malformed", detail);
    }
}
