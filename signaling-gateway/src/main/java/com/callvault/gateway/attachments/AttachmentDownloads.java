package com.callvault.gateway.attachments;

import com.callvault.gateway.auth.SignedInUser;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A download: the access check, then the bytes with headers that keep uploaded content inert in the browser
 * ({@code nosniff}, a sandboxing CSP, {@code attachment} for anything but raster images). The ETag is the
 * content's SHA-256, so revalidation ({@code If-None-Match}) costs a row lookup and no file read; single byte
 * ranges are served for seeking in audio and video.
 */
@Component
class AttachmentDownloads {

    static final CacheControl CACHE_CONTROL = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private static final Logger log = LoggerFactory.getLogger(AttachmentDownloads.class);

    private final AttachmentAccess access;
    private final AttachmentStore store;

    AttachmentDownloads(AttachmentAccess access, AttachmentStore store) {
        this.access = access;
        this.store = store;
    }

    Mono<ResponseEntity<Flux<DataBuffer>>> download(SignedInUser user, String attachmentId, HttpHeaders request) {
        return access.readable(user, attachmentId).flatMap(attachment -> respond(attachment, request));
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> respond(StoredAttachment attachment, HttpHeaders request) {
        String etag = "\"" + attachment.sha256() + "\"";
        if (anyMatches(request.get(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE_CONTROL).build());
        }
        String ifRange = request.getFirst(HttpHeaders.IF_RANGE);
        Optional<ByteRange> requested = ifRange == null || ifRange.strip().equals(etag)
            ? ByteRange.requested(request.getFirst(HttpHeaders.RANGE), attachment.size())
            : Optional.empty();
        ByteRange range = requested.orElseGet(() -> ByteRange.whole(attachment.size()));
        return store.open(attachment.storageKey(), range.start(), range.length())
            .switchIfEmpty(Mono.defer(() -> {
                log.error("Attachment {} has a row but no bytes under {} in the store", attachment.attachmentId(), attachment.storageKey());
                return Mono.error(AttachmentProblems.notFound(attachment.attachmentId()));
            }))
            .map(body -> ResponseEntity.status(requested.isPresent() ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
                .headers(headers -> {
                    headers.setContentType(MediaType.parseMediaType(attachment.contentType()));
                    headers.setContentLength(range.length());
                    headers.set(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(attachment.contentType(), attachment.name()));
                    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    requested.ifPresent(r -> headers.set(HttpHeaders.CONTENT_RANGE,
                        "bytes " + r.start() + "-" + r.end() + "/" + attachment.size()));
                })
                .eTag(etag)
                .cacheControl(CACHE_CONTROL)
                .body(body));
    }

    /** Weak comparison (RFC 9110 §13.1.2): {@code W/"x"} matches {@code "x"}, and {@code *} matches anything. */
    private static boolean anyMatches(List<String> ifNoneMatch, String etag) {
        return ifNoneMatch != null && ifNoneMatch.stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
            .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
