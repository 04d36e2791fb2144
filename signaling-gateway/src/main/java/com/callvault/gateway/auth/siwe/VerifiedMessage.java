package com.callvault.gateway.auth.siwe;

import java.util.Objects;

/**
 * A sign-in message whose fields and signature passed {@link SiweVerifier}; its nonce is still unchecked.
 *
 * @param message the parsed message
 * @param address the signer, EIP-55 checksummed, whatever case the message used
 */
public record VerifiedMessage(SiweMessage message, String address) {
    public VerifiedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(address, "address");
    }
}
