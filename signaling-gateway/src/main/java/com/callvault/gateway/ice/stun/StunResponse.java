package com.callvault.gateway.ice.stun;

/** A response as received: the parsed message and its bytes (MESSAGE-INTEGRITY is checked on the bytes). */
public record StunResponse(StunMessage message, byte[] bytes) {

    public StunResponse {
        bytes = bytes.clone();
    }

    public boolean success() {
        return message.messageClass() == StunClass.SUCCESS_RESPONSE;
    }

    public boolean hasIntegrity() {
        return message.attribute(AttributeType.MESSAGE_INTEGRITY).isPresent();
    }

    public boolean integrityMatches(byte[] key) {
        return MessageIntegrity.verify(bytes, key);
    }

    /** The error response's code; a success response or an error without ERROR-CODE is a protocol error. */
    public ErrorCode error() {
        return message.errorCode().orElseThrow(() -> new StunFormatException(
            "the " + message.messageClass() + " to " + StunMethod.name(message.method()) + " has no ERROR-CODE"));
    }
}
