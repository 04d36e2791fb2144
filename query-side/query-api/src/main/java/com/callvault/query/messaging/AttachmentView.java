package com.callvault.query.messaging;

/**
 * A file a message refers to, with the same fields (and JSON shape) as the command side's
 * {@code AttachmentRef}: the query contract does not depend on the command contract.
 *
 * @param sha256 lower-case hex digest of the content
 */
public record AttachmentView(String attachmentId, String name, String contentType, long size, String sha256) {
}
