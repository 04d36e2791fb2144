package com.callvault.api.messaging;

import com.callvault.api.RuleViolation;

/**
 * One message's answer within {@link SendResults}: either {@code accepted} (what its {@link SendMessage}
 * would have answered) or {@code refused} (the rule it broke, which refused that message only).
 */
public record SendResult(MessageAccepted accepted, RuleViolation refused) {

    public SendResult {
        if ((accepted == null) == (refused == null)) {
            throw new IllegalArgumentException("a message is either accepted or refused");
        }
    }

    public static SendResult accepted(MessageAccepted accepted) {
        return new SendResult(accepted, null);
    }

    public static SendResult refused(RuleViolation refused) {
        return new SendResult(null, refused);
    }
}
