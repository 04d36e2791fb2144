package com.callvault.query.messaging;

import java.util.List;

/**
 * Messages in the order {@link FindMessages} describes.
 *
 * @param hasMoreBefore there are older messages than the oldest on this page
 * @param hasMoreAfter  there are newer messages than the newest on this page
 */
public record MessagePage(List<MessageView> messages, boolean hasMoreBefore, boolean hasMoreAfter) {

    public MessagePage {
        messages = List.copyOf(messages);
    }
}
