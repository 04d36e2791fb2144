package com.callvault.gateway.attachments;

import com.callvault.gateway.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The refusals of the attachment endpoints and of {@link OwnAttachmentResolver}, one factory per code. */
final class AttachmentProblems {

    private AttachmentProblems() {
    }

    static ApiProblem tooLarge(long maxBytes) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "attachment-too-large", "Attachment too large",
            "An attachment may have at most " + maxBytes + " bytes (" + readable(maxBytes) + ")");
    }

    static ApiProblem typeNotAllowed(String contentType, Iterable<String> allowed) {
        return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-type-not-allowed", "Attachment type not allowed",
            (contentType == null ? "The upload has no Content-Type" : "Attachments of type " + contentType + " are not accepted")
                + "; accepted: " + String.join(", ", allowed));
    }

    static ApiProblem empty() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "attachment-empty", "Attachment empty", "The upload has no content");
    }

    /** For downloads: the same answer whether the attachment does not exist or the caller may not see it. */
    static ApiProblem notFound(String attachmentId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "attachment-not-found", "Attachment not found",
            "There is no attachment " + attachmentId);
    }

    /** For messages: the sender named an attachment that is not one of their uploads. */
    static ApiProblem notYours(String attachmentId) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "attachment-not-found", "Attachment not found",
            "There is no attachment " + attachmentId + " uploaded by you; upload it first (POST /api/attachments)");
    }

    static ApiProblem rangeNotSatisfiable(long size) {
        return new ApiProblem(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range not satisfiable",
            "The requested range lies outside the attachment's " + size + " bytes");
    }

    private static String readable(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MiB" : size.toKilobytes() > 0 ? size.toKilobytes() + " KiB" : bytes + " B";
    }
}
