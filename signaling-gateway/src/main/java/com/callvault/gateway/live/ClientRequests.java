package com.callvault.gateway.live;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ConversationId;
import com.callvault.gateway.messaging.AttachmentResolver;
import com.callvault.gateway.messaging.MessagingService;
import com.callvault.gateway.messaging.MessagingService.ReceiptKind;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.protocol.ClientFrame;
import com.callvault.gateway.protocol.ServerFrame;
import com.callvault.gateway.protocol.ServerFrames.Ack;
import com.callvault.gateway.protocol.ServerFrames.ErrorFrame;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Carries out a client's requests (send, edit, delete, receipt) through {@link MessagingService} and answers
 * each with an {@code ack} or an {@code error} carrying the request id. Shared by WebSocket and RSocket.
 */
@Component
public class ClientRequests {

    private static final Logger log = LoggerFactory.getLogger(ClientRequests.class);

    private final MessagingService messaging;
    private final AttachmentResolver attachments;

    public ClientRequests(MessagingService messaging, AttachmentResolver attachments) {
        this.messaging = messaging;
        this.attachments = attachments;
    }

    /** Carries out a request: its answer, once it is done. */
    public Mono<ServerFrame> handle(Address me, ClientFrame frame) {
        return admit(me, frame).flatMap(answer -> answer);
    }

    /**
     * Takes a request into its conversation's line ({@link MessagingService}): the Mono emits once the request
     * holds its place there (attachments resolved, command queued), with its answer to come. Admitting one
     * request after the other keeps them in order; awaiting the answers side by side lets the sends of a busy
     * conversation share a commit. An admitted request goes ahead, and its change is fanned out, whether or not
     * anybody still awaits the answer.
     */
    public Mono<Mono<ServerFrame>> admit(Address me, ClientFrame frame) {
        return Mono.defer(() -> dispatch(me, frame))
            .map(answer -> started(answer.onErrorResume(error -> Mono.just(errorFrame(frame.id(), error)))))
            .onErrorResume(error -> Mono.just(Mono.just(errorFrame(frame.id(), error))));
    }

    private static Mono<ServerFrame> started(Mono<ServerFrame> answer) {
        Mono<ServerFrame> shared = answer.cache();
        shared.subscribe();
        return shared;
    }

    private Mono<Mono<ServerFrame>> dispatch(Address me, ClientFrame frame) {
        return switch (frame) {
            case ClientFrame.Send send -> {
                ConversationId conversation = conversation(send.conversationId());
                require(send.clientMessageId(), "clientMessageId");
                List<String> ids = send.attachments() == null ? List.of() : send.attachments();
                yield attachments.resolve(me, ids)
                    .map(refs -> messaging.send(me, conversation, send.clientMessageId(), send.body(), refs)
                        .map(a -> new Ack(send.id(), a.conversationId(), a.seq(), a.position(), a.clientMessageId(), a.sentAt(), a.duplicate(), null)));
            }
            case ClientFrame.Edit edit -> Mono.just(messaging.edit(me, conversation(edit.conversationId()), require(edit.seq(), "seq"), require(edit.body(), "body"))
                .map(c -> new Ack(edit.id(), c.conversationId(), edit.seq(), c.position(), null, null, null, c.changed())));
            case ClientFrame.Delete delete -> Mono.just(messaging.delete(me, conversation(delete.conversationId()), require(delete.seq(), "seq"))
                .map(c -> new Ack(delete.id(), c.conversationId(), delete.seq(), c.position(), null, null, null, c.changed())));
            case ClientFrame.Receipt receipt -> Mono.just(messaging.receipt(me, conversation(receipt.conversationId()), kind(receipt.kind()),
                    require(receipt.upToSeq(), "upToSeq"))
                .map(c -> new Ack(receipt.id(), c.conversationId(), receipt.upToSeq(), c.position(), null, null, null, c.changed())));
            default -> Mono.error(new IllegalStateException("not a request: " + frame.getClass().getSimpleName()));
        };
    }

    public static ErrorFrame errorFrame(String id, Throwable error) {
        if (error instanceof ApiProblem problem) {
            // over a socket, a malformed request is a malformed frame
            String code = problem.code().equals("malformed-request") ? "invalid-frame" : problem.code();
            return new ErrorFrame(id, code, problem.detail());
        }
        log.error("A socket request {} failed", id, error);
        return new ErrorFrame(id, "internal-error", "the server could not complete the request; it has been logged");
    }

    static ConversationId conversation(String value) {
        require(value, "conversationId");
        try {
            return ConversationId.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "conversation-not-found", "Not Found", "There is no conversation " + value);
        }
    }

    private static ReceiptKind kind(String kind) {
        if ("delivered".equals(kind)) {
            return ReceiptKind.DELIVERED;
        }
        if ("read".equals(kind)) {
            return ReceiptKind.READ;
        }
        throw invalid("kind must be \"delivered\" or \"read\"");
    }

    static <T> T require(T value, String field) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw invalid("\"" + field + "\" is required");
        }
        return value;
    }

    private static ApiProblem invalid(String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-frame", "Invalid frame", message);
    }
}
