package com.callvault.api.calls;

/**
 * What call commands answer: the call after the command. {@code changed} is false when the command changed
 * nothing (a retry, a repeat). Devices are null until known; {@code endReason} and {@code endedBy} until ended.
 *
 * @param state       a {@link CallState} wire name
 * @param media       a {@link CallMedia} wire name
 * @param calleeDevice the device that accepted
 * @param endReason   an {@link EndReason} wire name
 * @param endedBy     the participant (EIP-55) whose action or absence ended the call, or {@code server}
 */
public record CallStatus(String callId, String state, String caller, String callee, String media, String callerDevice,
                         String calleeDevice, String endReason, String endedBy, boolean changed) {
}
