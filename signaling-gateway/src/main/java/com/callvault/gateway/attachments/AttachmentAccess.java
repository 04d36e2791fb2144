package com.callvault.gateway.attachments;

import com.callvault.gateway.auth.SignedInUser;
import com.callvault.query.messaging.FindAttachmentAccess;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may download an attachment: its uploader, and every member of a conversation with a message (not deleted)
 * that refers to it, which the query side knows. Anyone else is told it does not exist, so ids reveal nothing.
 */
@Component
class AttachmentAccess {

    private final AttachmentCatalog catalog;
    private final QueryGateway queries;

    AttachmentAccess(AttachmentCatalog catalog, QueryGateway queries) {
        this.catalog = catalog;
        this.queries = queries;
    }

    /** The attachment, or {@code attachment-not-found} when there is none or {@code user} may not read it. */
    Mono<StoredAttachment> readable(SignedInUser user, String attachmentId) {
        if (!AttachmentId.isWellFormed(attachmentId)) {
            return Mono.error(AttachmentProblems.notFound(attachmentId));
        }
        return catalog.find(attachmentId)
            .filterWhen(attachment -> attachment.uploader().equalsIgnoreCase(user.address())
                ? Mono.just(true)
                : sharedWith(user, attachmentId))
            .switchIfEmpty(Mono.error(() -> AttachmentProblems.notFound(attachmentId)));
    }

    private Mono<Boolean> sharedWith(SignedInUser user, String attachmentId) {
        return Mono.fromFuture(() -> queries.query(new FindAttachmentAccess(attachmentId, user.address()), Boolean.class))
            .map(Boolean.TRUE::equals)
            .defaultIfEmpty(false);
    }
}
