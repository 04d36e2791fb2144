package com.callvault.gateway.live;

import com.callvault.gateway.protocol.ServerFrame;

/**
 * A committed change (or an ephemeral signal) on its way to the open sessions of some users. {@code device}, when
 * set, narrows it to the sessions connected as that device (calls ring, answer and relay per device);
 * {@code conversationId} is null and {@code position} -1 for what is not a conversation change.
 */
public record LiveEvent(String conversationId, long position, ServerFrame frame, String device) {

    public LiveEvent(String conversationId, long position, ServerFrame frame) {
        this(conversationId, position, frame, null);
    }

    /** A frame for one device of a user, outside any conversation. */
    public static LiveEvent toDevice(String device, ServerFrame frame) {
        return new LiveEvent(null, -1, frame, device);
    }

    /** A frame for every session of a user, outside any conversation. */
    public static LiveEvent toEverySession(ServerFrame frame) {
        return new LiveEvent(null, -1, frame, null);
    }

    boolean isFor(String connectedDevice) {
        return device == null || device.equals(connectedDevice);
    }
}
