package com.callvault.gateway.attachments;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import com.callvault.api.messaging.MessageLimits;
import com.callvault.gateway.messaging.AttachmentResolver;
import com.callvault.gateway.problem.ApiProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Attachments a message may carry: the sender's own uploads, in the order named. An id that is unknown or
 * someone else's is refused the same way ({@code attachment-not-found}, 422), so nobody can attach, and thereby
 * gain access to, a file they were never given.
 */
@Component
class OwnAttachmentResolver implements AttachmentResolver {

    private final AttachmentCatalog catalog;

    OwnAttachmentResolver(AttachmentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Mono<List<AttachmentRef>> resolve(Address uploader, List<String> attachmentIds) {
        if (attachmentIds == null || attachmentIds.isEmpty()) {
            return Mono.just(List.of());
        }
        if (attachmentIds.stream().anyMatch(Objects::isNull) || new HashSet<>(attachmentIds).size() != attachmentIds.size()) {
            return Mono.error(ApiProblem.badRequest("attachments must be distinct attachment ids"));
        }
        if (attachmentIds.size() > MessageLimits.MAX_ATTACHMENTS) { // the aggregate's rule, answered before a query
            ErrorCode tooMany = ErrorCode.TOO_MANY_ATTACHMENTS;
            HttpStatus status = HttpStatus.valueOf(tooMany.httpStatus());
            return Mono.error(new ApiProblem(status, tooMany.wireName(), status.getReasonPhrase(),
                "a message holds at most " + MessageLimits.MAX_ATTACHMENTS + " attachments"));
        }
        var malformed = attachmentIds.stream().filter(id -> !AttachmentId.isWellFormed(id)).findFirst();
        if (malformed.isPresent()) {
            return Mono.error(AttachmentProblems.notYours(malformed.get()));
        }
        return catalog.findUploadedBy(uploader, attachmentIds)
            .collect(Collectors.toMap(StoredAttachment::attachmentId, Function.identity()))
            .flatMap(found -> inRequestedOrder(attachmentIds, found));
    }

    private static Mono<List<AttachmentRef>> inRequestedOrder(List<String> attachmentIds, Map<String, StoredAttachment> found) {
        var missing = attachmentIds.stream().filter(id -> !found.containsKey(id)).findFirst();
        return missing.<Mono<List<AttachmentRef>>>map(id -> Mono.error(AttachmentProblems.notYours(id)))
            .orElseGet(() -> Mono.just(attachmentIds.stream().map(id -> found.get(id).ref()).toList()));
    }
}
