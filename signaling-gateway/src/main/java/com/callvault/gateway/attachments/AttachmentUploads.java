package com.callvault.gateway.attachments;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import com.callvault.gateway.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An upload, start to finish: check what can be checked before reading (name, type, declared length), stream
 * the bytes through a {@link ContentMeter} into the {@link AttachmentStore}, and record the row only once the
 * bytes are stored. A refused or failed upload leaves neither a row nor a file.
 */
@Component
class AttachmentUploads {

    static final int MAX_NAME_CHARS = 255;

    private static final Logger log = LoggerFactory.getLogger(AttachmentUploads.class);

    private final AttachmentStore store;
    private final AttachmentCatalog catalog;
    private final AttachmentProperties properties;

    AttachmentUploads(AttachmentStore store, AttachmentCatalog catalog, AttachmentProperties properties) {
        this.store = store;
        this.catalog = catalog;
        this.properties = properties;
    }

    /**
     * @param contentType   the request's {@code Content-Type} header, as sent
     * @param contentLength the request's {@code Content-Length}, or -1 when it streams without one
     */
    Mono<AttachmentRef> upload(Address uploader, String name, String contentType, long contentLength, Flux<DataBuffer> content) {
        return Mono.defer(() -> {
            String acceptedName = acceptedName(name);
            String acceptedType = acceptedType(contentType);
            long maxBytes = properties.maxBytes().toBytes();
            if (contentLength > maxBytes) {
                return Mono.error(AttachmentProblems.tooLarge(maxBytes));
            }
            if (contentLength == 0) {
                return Mono.error(AttachmentProblems.empty());
            }
            ContentMeter meter = new ContentMeter(maxBytes);
            StorageKey key = StorageKey.random();
            return store.put(key, meter.measure(content)).then(Mono.defer(() -> record(new StoredAttachment(
                AttachmentId.random(), uploader.value(), acceptedName, acceptedType, meter.size(), meter.sha256(), key))));
        });
    }

    /**
     * Once the bytes are stored, finishing no longer depends on the client still waiting: the row is written (or
     * the file removed if that fails) even if the request is cancelled meanwhile.
     */
    private Mono<AttachmentRef> record(StoredAttachment attachment) {
        Mono<AttachmentRef> recorded = catalog.add(attachment)
            .onErrorResume(error -> store.delete(attachment.storageKey())
                .onErrorResume(deleteError -> {
                    log.warn("Could not remove the stored bytes {} of an upload that failed", attachment.storageKey(), deleteError);
                    return Mono.empty();
                })
                .then(Mono.error(error)))
            .thenReturn(attachment.ref());
        return Mono.fromFuture(recorded.toFuture(), true);
    }

    private static String acceptedName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiProblem.badRequest("Name the file: POST /api/attachments?name=<file name>");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
            throw ApiProblem.badRequest("A file name has at most " + MAX_NAME_CHARS + " characters");
        }
        if (name.codePoints().anyMatch(AttachmentUploads::isControl)) {
            throw ApiProblem.badRequest("A file name may not contain control or text-direction characters");
        }
        return name;
    }

    /** Control characters, and the bidirectional overrides that make {@code exe.pdf} look like {@code fdp.exe}. */
    private static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x200E || codePoint == 0x200F
            || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** {@code type/subtype}, plus the charset of text: other parameters are dropped rather than echoed later. */
    private String acceptedType(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            if (type.isConcrete() && properties.allows(type)) {
                boolean keepCharset = "text".equals(type.getType()) && type.getCharset() != null;
                return (keepCharset ? new MediaType(type.getType(), type.getSubtype(), type.getCharset())
                    : new MediaType(type.getType(), type.getSubtype())).toString();
            }
        } catch (IllegalArgumentException unreadable) { // no header, an unparsable one, or an unknown charset
            // refused below like any type not on the list
        }
        throw AttachmentProblems.typeNotAllowed(header, properties.types());
    }
}
