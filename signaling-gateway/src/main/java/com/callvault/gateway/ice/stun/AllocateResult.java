package com.callvault.gateway.ice.stun;

/** What a TURN Allocate came to: an allocation, or the server's error. */
public sealed interface AllocateResult permits TurnAllocation, TurnRejected {
}
