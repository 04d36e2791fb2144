package com.callvault.gateway.messaging;

import static com.callvault.gateway.messaging.ConversationProblems.malformed;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.MessageAccepted;
import com.callvault.api.messaging.MessageLimits;
import com.callvault.gateway.auth.SignedInUser;
import com.callvault.gateway.messaging.ConversationController.Change;
import com.callvault.query.messaging.MessagePage;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/conversations/{id}/messages}: the timeline, sending (idempotent by client id), editing, deleting. */
@RestController
@RequestMapping("/api/conversations/{id}/messages")
class MessageController {

    private final MessagingService messaging;
    private final ConversationReads reads;
    private final AttachmentResolver attachments;

    MessageController(MessagingService messaging, ConversationReads reads, AttachmentResolver attachments) {
        this.messaging = messaging;
        this.reads = reads;
        this.attachments = attachments;
    }

    record SendRequest(String body, List<String> attachments) {
    }

    record EditRequest(String body) {
    }

    /** Where the message stands; the same for a retry, except {@code duplicate}. */
    record SentMessage(String conversationId, long seq, long position, String clientMessageId, Instant sentAt, boolean duplicate) {

        static SentMessage of(MessageAccepted accepted) {
            return new SentMessage(accepted.conversationId(), accepted.seq(), accepted.position(), accepted.clientMessageId(),
                accepted.sentAt(), accepted.duplicate());
        }
    }

    @GetMapping
    Mono<MessagePage> page(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
                           @RequestParam(required = false) String before, @RequestParam(required = false) String after,
                           @RequestParam(required = false) String limit) {
        return Mono.defer(() -> {
            ConversationId conversation = RequestValues.conversationId(id);
            if (before != null && after != null) {
                throw ConversationProblems.invalid("invalid-cursor", "Give 'before' or 'after', not both");
            }
            return reads.messages(conversation, Address.of(user.address()), RequestValues.cursor("before", before),
                RequestValues.cursor("after", after), RequestValues.limit(limit));
        });
    }

    /** 201 the first time, 200 for a retry with the same client message id (nothing new is stored). */
    @PutMapping("/{clientMessageId}")
    Mono<ResponseEntity<SentMessage>> send(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
                                           @PathVariable String clientMessageId, @RequestBody(required = false) SendRequest request) {
        return Mono.defer(() -> {
            ConversationId conversation = RequestValues.conversationId(id);
            String clientId = RequestValues.clientMessageId(clientMessageId);
            if (request == null) {
                throw malformed("Send a JSON body with 'body' and/or 'attachments' (attachment ids)");
            }
            List<String> ids = attachmentIds(request.attachments());
            Address me = Address.of(user.address());
            return attachments.resolve(me, ids)
                .flatMap(refs -> messaging.send(me, conversation, clientId, request.body(), refs))
                .map(accepted -> ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(SentMessage.of(accepted)));
        });
    }

    @PatchMapping("/{seq}")
    Mono<Change> edit(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String seq,
                      @RequestBody(required = false) EditRequest request) {
        return Mono.defer(() -> {
            ConversationId conversation = RequestValues.conversationId(id);
            long number = RequestValues.seq(seq);
            if (request == null || request.body() == null) {
                throw malformed("Send a JSON body with the new 'body'");
            }
            return messaging.edit(Address.of(user.address()), conversation, number, request.body()).map(Change::of);
        });
    }

    /** 204 whether the message was deleted now or before. */
    @DeleteMapping("/{seq}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String seq) {
        return Mono.defer(() -> messaging.delete(Address.of(user.address()), RequestValues.conversationId(id), RequestValues.seq(seq))
            .thenReturn(ResponseEntity.noContent().<Void>build()));
    }

    private static List<String> attachmentIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MessageLimits.MAX_ATTACHMENTS) {
            throw ConversationProblems.unprocessable(ErrorCode.TOO_MANY_ATTACHMENTS,
                "A message holds at most " + MessageLimits.MAX_ATTACHMENTS + " attachments");
        }
        if (ids.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw malformed("'attachments' is a list of attachment ids");
        }
        return ids;
    }
}
