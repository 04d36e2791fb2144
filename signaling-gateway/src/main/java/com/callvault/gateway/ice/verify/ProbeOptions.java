package com.callvault.gateway.ice.verify;

import java.time.Duration;

/**
 * How to check.
 *
 * @param binding            send a STUN Binding to TURN URIs too (STUN URIs always get one)
 * @param timeout            how long the check of one URI may take, all steps together
 * @param credentialLifetime the lifetime of the rest-mode credential to allocate with
 */
public record ProbeOptions(boolean binding, Duration timeout, Duration credentialLifetime) {
}
