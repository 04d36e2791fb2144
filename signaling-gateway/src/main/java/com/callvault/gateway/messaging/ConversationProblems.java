package com.callvault.gateway.messaging;

import com.callvault.api.ErrorCode;
import com.callvault.gateway.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The problems the conversation endpoints answer beyond the aggregate's own refusals. A conversation that
 * does not exist and one the caller is not a member of look exactly the same, reading or writing: a direct
 * conversation's id follows from its two addresses, so anything else would tell outsiders who talks to whom.
 */
final class ConversationProblems {

    private ConversationProblems() {
    }

    static ApiProblem conversationNotFound() {
        // the same status, code, title and detail as Commands gives for a conversation that does not exist
        return new ApiProblem(HttpStatus.NOT_FOUND, "conversation-not-found", "Not Found", "There is no such conversation");
    }

    /** The aggregate's {@code not-a-member} becomes {@link #conversationNotFound()}; everything else passes. */
    static Throwable hideMembership(Throwable error) {
        return error instanceof ApiProblem problem && problem.code().equals(ErrorCode.NOT_A_MEMBER.wireName())
            ? conversationNotFound() : error;
    }

    static ApiProblem malformed(String detail) {
        return ApiProblem.badRequest(detail);
    }

    static ApiProblem invalid(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, "Invalid request", detail);
    }

    static ApiProblem unprocessable(ErrorCode code, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code.wireName(), HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase(), detail);
    }
}
