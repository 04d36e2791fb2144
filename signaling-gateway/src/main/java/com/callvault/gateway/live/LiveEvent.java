package com.callvault.gateway.live;

import com.callvault.gateway.protocol.ServerFrame;

/** A committed change (or an ephemeral signal) on its way to the open sessions of some users. */
public record LiveEvent(String conversationId, long position, ServerFrame frame) {
}
