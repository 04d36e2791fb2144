package com.callvault.api;

/**
 * Why a command was refused, as data: a code every layer shares and a sentence for people. Travels as the
 * details of Axon's {@code CommandExecutionException}, so it survives a distributed command bus too.
 */
public record RuleViolation(ErrorCode code, String message) {

    public RuleViolation {
        if (code == null || message == null) {
            throw new IllegalArgumentException("code and message are required");
        }
    }
}
