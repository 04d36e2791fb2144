package com.callvault.gateway.messaging;

import static com.callvault.gateway.messaging.ConversationProblems.malformed;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ChangeApplied;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.ConversationOpened;
import com.callvault.gateway.auth.SignedInUser;
import com.callvault.gateway.messaging.MessagingService.ReceiptKind;
import com.callvault.query.messaging.ConversationView;
import com.callvault.query.messaging.InboxView;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/conversations}: the inbox, starting (or finding) a conversation, reading one, receipts. */
@RestController
@RequestMapping("/api/conversations")
class ConversationController {

    private final MessagingService messaging;
    private final ConversationReads reads;

    ConversationController(MessagingService messaging, ConversationReads reads) {
        this.messaging = messaging;
        this.reads = reads;
    }

    record StartRequest(String peer) {
    }

    record ReceiptRequest(String kind, Long upToSeq) {
    }

    /** What a change answers: the conversation's position after it, and whether anything changed. */
    record Change(String conversationId, long position, boolean changed) {

        static Change of(ChangeApplied applied) {
            return new Change(applied.conversationId(), applied.position(), applied.changed());
        }
    }

    @GetMapping
    Mono<InboxView> inbox(@AuthenticationPrincipal SignedInUser user) {
        return reads.inbox(Address.of(user.address()));
    }

    /** 201 when the conversation was created, 200 when it existed; the body says which either way. */
    @PostMapping
    Mono<ResponseEntity<ConversationOpened>> start(@AuthenticationPrincipal SignedInUser user,
                                                   @RequestBody(required = false) StartRequest request) {
        return Mono.defer(() -> {
            if (request == null || request.peer() == null || request.peer().isBlank()) {
                throw malformed("Send a JSON body with the 'peer' address to converse with");
            }
            Address peer = RequestValues.address(request.peer());
            return messaging.start(Address.of(user.address()), peer).map(opened -> ResponseEntity
                .status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/conversations/" + opened.conversationId()))
                .body(opened));
        });
    }

    @GetMapping("/{id}")
    Mono<ConversationView> conversation(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Mono.defer(() -> reads.conversation(RequestValues.conversationId(id), Address.of(user.address())));
    }

    @PostMapping("/{id}/receipts")
    Mono<Change> receipt(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
                         @RequestBody(required = false) ReceiptRequest request) {
        return Mono.defer(() -> {
            ConversationId conversation = RequestValues.conversationId(id);
            if (request == null || request.kind() == null || request.upToSeq() == null) {
                throw malformed("Send a JSON body with 'kind' (delivered or read) and 'upToSeq'");
            }
            ReceiptKind kind = switch (request.kind()) {
                case "delivered" -> ReceiptKind.DELIVERED;
                case "read" -> ReceiptKind.READ;
                default -> throw ConversationProblems.invalid("invalid-receipt-kind",
                    "'kind' is delivered or read, got '" + request.kind() + "'");
            };
            if (request.upToSeq() < 0) {
                throw ConversationProblems.invalid("invalid-sequence", "'upToSeq' is a message number, 0 or more");
            }
            return messaging.receipt(Address.of(user.address()), conversation, kind, request.upToSeq()).map(Change::of);
        });
    }
}
