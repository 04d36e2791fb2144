package com.callvault.model.calls;

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
}
