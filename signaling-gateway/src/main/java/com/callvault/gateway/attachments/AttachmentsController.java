package com.callvault.gateway.attachments;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import com.callvault.gateway.auth.SignedInUser;
import com.callvault.gateway.problem.ProblemWriter;
import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/attachments?name=…} with the file as the raw body (a browser sends a {@code File} or
 * {@code Blob} as it is with {@code fetch}; no multipart), and {@code GET /api/attachments/{id}}. Both stream:
 * no upload or download is ever held in memory whole.
 */
@RestController
@RequestMapping("/api/attachments")
class AttachmentsController {

    private final AttachmentUploads uploads;
    private final AttachmentDownloads downloads;
    private final ProblemWriter problems;

    AttachmentsController(AttachmentUploads uploads, AttachmentDownloads downloads, ProblemWriter problems) {
        this.uploads = uploads;
        this.downloads = downloads;
        this.problems = problems;
    }

    @PostMapping
    Mono<ResponseEntity<AttachmentRef>> upload(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String name,
                                               ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return uploads.upload(Address.of(user.address()), name, headers.getFirst(HttpHeaders.CONTENT_TYPE), headers.getContentLength(),
                request.getBody())
            .map(ref -> ResponseEntity.created(URI.create("/api/attachments/" + ref.attachmentId())).body(ref));
    }

    @GetMapping("/{attachmentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@AuthenticationPrincipal SignedInUser user, @PathVariable String attachmentId,
                                                    ServerHttpRequest request) {
        return downloads.download(user, attachmentId, request.getHeaders());
    }

    /** Here rather than in the problem handler: a 416 names the file's size in {@code Content-Range} (RFC 9110 §15.5.17). */
    @ExceptionHandler(ByteRange.Unsatisfiable.class)
    Mono<Void> rangeNotSatisfiable(ByteRange.Unsatisfiable unsatisfiable, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + unsatisfiable.size());
        return problems.write(exchange, AttachmentProblems.rangeNotSatisfiable(unsatisfiable.size()));
    }
}
