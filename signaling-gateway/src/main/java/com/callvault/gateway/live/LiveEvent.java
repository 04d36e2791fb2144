package com.callvault.gateway.live;

import com.callvault.gateway.protocol.ServerFrame;

/**
 * A committed change (or an ephemeral signal) on its way to every open session of some users. {@code conversationId}
 * is null and {@code position} -1 for what is not a conversation change. Frames for one device go by
 * {@link LiveChannel#deliver} instead.
 */
public record LiveEvent(String conversationId, long position, ServerFrame frame) {

    /** A frame for every session of a user, outside any conversation. */
    public static LiveEvent toEverySession(ServerFrame frame) {
        return new LiveEvent(null, -1, frame);
    }
}
