package com.callvault.gateway.attachments;

import com.callvault.api.messaging.AttachmentRef;

/** A row of {@code attachment}: an upload whose bytes are safely in the store under {@code storageKey}. */
record StoredAttachment(String attachmentId, String uploader, String name, String contentType, long size, String sha256,
                        StorageKey storageKey) {

    AttachmentRef ref() {
        return new AttachmentRef(attachmentId, name, contentType, size, sha256);
    }
}
