package com.callvault.gateway.messaging;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import com.callvault.api.messaging.ChangeApplied;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.ConversationOpened;
import com.callvault.api.messaging.DeleteMessage;
import com.callvault.api.messaging.EditMessage;
import com.callvault.api.messaging.MarkDelivered;
import com.callvault.api.messaging.MarkRead;
import com.callvault.api.messaging.MessageAccepted;
import com.callvault.api.messaging.SendMessage;
import com.callvault.api.messaging.StartConversation;
import com.callvault.gateway.commands.Commands;
import com.callvault.gateway.live.LiveChannel;
import com.callvault.gateway.live.LiveEvent;
import com.callvault.gateway.protocol.ServerFrames;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Every change to a conversation, whichever edge it came in by (HTTP, WebSocket, RSocket): send the command
 * (in line with the conversation's other commands, {@link ConversationLanes}), and once it is committed, fan
 * the change out to every open session of the members (the sender's other devices too). Refusals come back
 * as {@link com.callvault.gateway.problem.ApiProblem}s; a conversation one is not a member of is "not found",
 * whichever edge asks, since direct conversation ids are derived from addresses.
 */
@Service
public class MessagingService {

    public enum ReceiptKind { DELIVERED, READ }

    private final Commands commands;
    private final ConversationLanes lanes;
    private final LiveChannel live;
    private final Clock clock;

    MessagingService(Commands commands, ConversationLanes lanes, LiveChannel live, Clock clock) {
        this.commands = commands;
        this.lanes = lanes;
        this.live = live;
        this.clock = clock;
    }

    public Mono<ConversationOpened> start(Address me, Address peer) {
        StartConversation command = StartConversation.between(me, peer, clock.instant());
        return commands.<ConversationOpened>send(command).doOnNext(opened -> {
            if (opened.created()) {
                live.publish(opened.members(), new LiveEvent(opened.conversationId(), 0,
                    new ServerFrames.ConversationFrame(opened.conversationId(), 0, opened.members(), me.value(), command.at())));
            }
        });
    }

    public Mono<MessageAccepted> send(Address me, ConversationId conversation, String clientMessageId, String body,
                                      List<AttachmentRef> attachments) {
        SendMessage command = new SendMessage(conversation, me, clientMessageId, body, attachments, clock.instant());
        return lanes.send(command).onErrorMap(ConversationProblems::hideMembership).doOnNext(accepted -> {
            if (!accepted.duplicate()) {
                live.publish(accepted.members(), new LiveEvent(accepted.conversationId(), accepted.position(),
                    new ServerFrames.MessageFrame(accepted.conversationId(), accepted.position(), accepted.seq(),
                        accepted.clientMessageId(), me.value(), command.body(), command.attachments(), accepted.sentAt(), null, null)));
            }
        });
    }

    public Mono<ChangeApplied> edit(Address me, ConversationId conversation, long seq, String body) {
        EditMessage command = new EditMessage(conversation, me, seq, body, clock.instant());
        return lanes.<ChangeApplied>submit(conversation, command).onErrorMap(ConversationProblems::hideMembership).doOnNext(applied -> publishIfChanged(applied,
            new ServerFrames.MessageEditedFrame(applied.conversationId(), applied.position(), seq, body, command.at())));
    }

    public Mono<ChangeApplied> delete(Address me, ConversationId conversation, long seq) {
        DeleteMessage command = new DeleteMessage(conversation, me, seq, clock.instant());
        return lanes.<ChangeApplied>submit(conversation, command).onErrorMap(ConversationProblems::hideMembership).doOnNext(applied -> publishIfChanged(applied,
            new ServerFrames.MessageDeletedFrame(applied.conversationId(), applied.position(), seq, command.at())));
    }

    public Mono<ChangeApplied> receipt(Address me, ConversationId conversation, ReceiptKind kind, long upToSeq) {
        var at = clock.instant();
        Object command = kind == ReceiptKind.READ
            ? new MarkRead(conversation, me, upToSeq, at)
            : new MarkDelivered(conversation, me, upToSeq, at);
        return lanes.<ChangeApplied>submit(conversation, command).onErrorMap(ConversationProblems::hideMembership).doOnNext(applied -> publishIfChanged(applied,
            new ServerFrames.ReceiptFrame(applied.conversationId(), applied.position(), me.value(),
                kind.name().toLowerCase(java.util.Locale.ROOT), upToSeq, at)));
    }

    private void publishIfChanged(ChangeApplied applied, com.callvault.gateway.protocol.ServerFrame frame) {
        if (applied.changed()) {
            live.publish(applied.members(), new LiveEvent(applied.conversationId(), applied.position(), frame));
        }
    }
}
