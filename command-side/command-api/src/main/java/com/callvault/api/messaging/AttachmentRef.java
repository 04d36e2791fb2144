package com.callvault.api.messaging;

/**
 * An uploaded file a message refers to. The bytes live in the attachment store; the event keeps what a
 * client needs to show and verify it.
 *
 * @param attachmentId the store's id
 * @param name         the file name as uploaded
 * @param contentType  the media type as accepted by the store
 * @param size         bytes
 * @param sha256       lower-case hex digest of the content
 */
public record AttachmentRef(String attachmentId, String name, String contentType, long size, String sha256) {
}
