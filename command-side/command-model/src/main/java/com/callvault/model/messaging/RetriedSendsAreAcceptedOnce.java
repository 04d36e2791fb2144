package com.callvault.model.messaging;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Remembers the conversation's most recent sends by {@code sender/clientMessageId}, so that a retry is
 * answered with the original result instead of a second message. Bounded: a client retries within seconds,
 * and the window is part of every snapshot.
 */
final class RetriedSendsAreAcceptedOnce {

    static final int WINDOW = 256;

    record Sent(long seq, long position, Instant sentAt) {
    }

    private RetriedSendsAreAcceptedOnce() {
    }

    static String key(String senderLowerCase, String clientMessageId) {
        return senderLowerCase + "/" + clientMessageId;
    }

    static void remember(LinkedHashMap<String, Sent> recent, String key, Sent sent) {
        recent.put(key, sent);
        Iterator<String> oldest = recent.keySet().iterator();
        while (recent.size() > WINDOW && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
