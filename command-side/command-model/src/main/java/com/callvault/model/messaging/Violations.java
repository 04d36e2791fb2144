package com.callvault.model.messaging;

import com.callvault.api.ErrorCode;
import com.callvault.api.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

/** Refusals travel as {@link RuleViolation} details, which survive any command bus, local or distributed. */
final class Violations {

    private Violations() {
    }

    static CommandExecutionException refuse(ErrorCode code, String message) {
        return new CommandExecutionException(message, null, new RuleViolation(code, message));
    }

    /** The rule a refusal made by {@link #refuse} names. */
    static RuleViolation ruleOf(CommandExecutionException refusal) {
        return refusal.getDetails().map(RuleViolation.class::cast).orElseThrow(() -> refusal);
    }
}
