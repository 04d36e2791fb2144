package com.callvault.api.calls;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reported by the server right after the invite: the callee has no live session, so the call ends at once
 * with peer offline. {@code pushSent} tells the caller whether a Web Push was sent to wake a device.
 */
public record ReportPeerOffline(@TargetAggregateIdentifier CallId callId, boolean pushSent, Instant at) {
}
