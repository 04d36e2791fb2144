package com.callvault.api.calls;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reported by the server right after the invite: the callee has no live session. Without a push ({@code pushSent}
 * false) the call ends at once with peer offline; when a Web Push was sent to wake a device, the call goes on
 * ringing until its ring timeout, so a device the push brings online rings and may answer.
 */
public record ReportPeerOffline(@TargetAggregateIdentifier CallId callId, boolean pushSent, Instant at) {
}
