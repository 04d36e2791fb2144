package com.callvault.api.messaging;

import java.util.List;

/** What {@link SendMessages} answers: one result per message, in the order the messages were given. */
public record SendResults(List<SendResult> results) {

    public SendResults {
        results = List.copyOf(results);
    }
}
