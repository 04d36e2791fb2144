package com.callvault.query.messaging;

/**
 * May {@code address} download attachment {@code attachmentId}? Answers {@code Boolean}: true when a message
 * that is not deleted, in a conversation the address is a member of, refers to it.
 */
public record FindAttachmentAccess(String attachmentId, String address) {

    public FindAttachmentAccess {
        Require.text(attachmentId, "attachmentId");
        Require.text(address, "address");
    }
}
