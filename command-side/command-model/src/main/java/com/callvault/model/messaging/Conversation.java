package com.callvault.model.messaging;

import static com.callvault.model.messaging.Violations.refuse;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ChangeApplied;
import com.callvault.api.messaging.ConversationOpened;
import com.callvault.api.messaging.ConversationStarted;
import com.callvault.api.messaging.DeleteMessage;
import com.callvault.api.messaging.EditMessage;
import com.callvault.api.messaging.MarkDelivered;
import com.callvault.api.messaging.MarkRead;
import com.callvault.api.messaging.MessageAccepted;
import com.callvault.api.messaging.MessageDeleted;
import com.callvault.api.messaging.MessageEdited;
import com.callvault.api.messaging.MessageSent;
import com.callvault.api.messaging.MessagesDelivered;
import com.callvault.api.messaging.MessagesRead;
import com.callvault.api.messaging.SendMessage;
import com.callvault.api.messaging.SendMessages;
import com.callvault.api.messaging.SendResult;
import com.callvault.api.messaging.SendResults;
import com.callvault.api.messaging.StartConversation;
import com.callvault.model.axon.StaleCachedAggregate;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A conversation: who is in it, how many messages it has, who sent each, which are deleted, how far each
 * member has received and read. Message bodies are not kept: no rule needs them. The state stays small
 * (a byte per message), is cached between commands and snapshotted, so a long conversation accepts the
 * next message as fast as a new one. A cached copy another instance moved on is caught as for calls: an append by the
 * unique aggregate/sequence key, a decision that appends nothing (a refusal, a receipt that does not move) by the
 * store's last sequence number ({@link StaleCachedAggregate}); the command is then retried on a fresh load.
 */
@Aggregate(cache = "conversationCache", snapshotTriggerDefinition = "conversationSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class Conversation {

    @AggregateIdentifier
    private String conversationId;
    private List<String> members = new ArrayList<>(); // lower-case addresses; the index identifies a member
    private List<String> memberAddresses = List.of();  // the same, EIP-55, as events and answers name them
    private long position = -1;                        // sequence number of the last event
    private long lastSeq;
    private byte[] senders = new byte[16];              // member index of the sender of message seq, at seq - 1
    private TreeSet<Long> deleted = new TreeSet<>();
    private long[] delivered = new long[0];
    private long[] read = new long[0];
    private LinkedHashMap<String, RetriedSendsAreAcceptedOnce.Sent> recentSends = new LinkedHashMap<>();

    Conversation() {
        // for Axon: rebuilt from events or a snapshot
    }

    /** Every command: a decision that appended nothing must have been made on the stored version (see the class comment). */
    @CommandHandlerInterceptor
    Object decidedOnTheStoredVersion(CommandMessage<?> command, InterceptorChain chain, EventStore events) throws Exception {
        return StaleCachedAggregate.proceed(chain, events, () -> conversationId);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ConversationOpened handle(StartConversation command) {
        boolean created = conversationId == null;
        if (created) {
            if (command.initiator().equals(command.peer())) {
                throw refuse(ErrorCode.CANNOT_CONVERSE_WITH_SELF, "a conversation needs two different addresses");
            }
            apply(new ConversationStarted(command.conversationId().value(), ConversationStarted.DIRECT,
                List.of(command.initiator().value(), command.peer().value()), command.initiator().value(), command.at()));
        } else {
            OnlyMembersMayAct.check(members, command.initiator());
        }
        return new ConversationOpened(conversationId, memberAddresses, created);
    }

    @CommandHandler
    MessageAccepted handle(SendMessage command) {
        return send(command);
    }

    /** Each message as if sent alone, one after the other; a refusal is that message's answer and stops nothing. */
    @CommandHandler
    SendResults handle(SendMessages command) {
        List<SendResult> results = new ArrayList<>(command.messages().size());
        for (SendMessage message : command.messages()) {
            try {
                results.add(SendResult.accepted(send(message)));
            } catch (CommandExecutionException refused) {
                // every rule is checked before the message's event is applied: a refused message left nothing behind
                results.add(SendResult.refused(Violations.ruleOf(refused)));
            }
        }
        return new SendResults(results);
    }

    private MessageAccepted send(SendMessage command) {
        OnlyMembersMayAct.check(members, command.sender());
        MessagesHaveContentWithinLimits.checkClientMessageId(command.clientMessageId());
        String key = RetriedSendsAreAcceptedOnce.key(command.sender().lowerCase(), command.clientMessageId());
        RetriedSendsAreAcceptedOnce.Sent earlier = recentSends.get(key);
        if (earlier != null) {
            return new MessageAccepted(conversationId, earlier.seq(), earlier.position(), command.clientMessageId(), earlier.sentAt(), true, memberAddresses);
        }
        MessagesHaveContentWithinLimits.check(command.body(), command.attachments().size());
        apply(new MessageSent(conversationId, lastSeq + 1, command.clientMessageId(), command.sender().value(), command.body(),
            command.attachments(), command.at()));
        return new MessageAccepted(conversationId, lastSeq, position, command.clientMessageId(), command.at(), false, memberAddresses);
    }

    @CommandHandler
    ChangeApplied handle(EditMessage command) {
        int member = OnlyMembersMayAct.check(members, command.editor());
        OnlyTheSenderMayChangeAMessage.check(command.seq(), lastSeq, senderOf(command.seq()), member);
        if (deleted.contains(command.seq())) {
            throw refuse(ErrorCode.MESSAGE_DELETED, "message " + command.seq() + " was deleted");
        }
        if (command.body() == null || command.body().isBlank()) {
            throw refuse(ErrorCode.MESSAGE_EMPTY, "an edit needs text; delete the message instead");
        }
        MessagesHaveContentWithinLimits.check(command.body(), 0);
        apply(new MessageEdited(conversationId, command.seq(), command.editor().value(), command.body(), command.at()));
        return new ChangeApplied(conversationId, position, true, memberAddresses);
    }

    @CommandHandler
    ChangeApplied handle(DeleteMessage command) {
        int member = OnlyMembersMayAct.check(members, command.deleter());
        OnlyTheSenderMayChangeAMessage.check(command.seq(), lastSeq, senderOf(command.seq()), member);
        if (deleted.contains(command.seq())) {
            return new ChangeApplied(conversationId, position, false, memberAddresses);
        }
        apply(new MessageDeleted(conversationId, command.seq(), command.deleter().value(), command.at()));
        return new ChangeApplied(conversationId, position, true, memberAddresses);
    }

    @CommandHandler
    ChangeApplied handle(MarkDelivered command) {
        int member = OnlyMembersMayAct.check(members, command.member());
        if (!ReceiptsOnlyMoveForward.moves(command.upToSeq(), delivered[member], lastSeq)) {
            return new ChangeApplied(conversationId, position, false, memberAddresses);
        }
        apply(new MessagesDelivered(conversationId, command.member().value(), command.upToSeq(), command.at()));
        return new ChangeApplied(conversationId, position, true, memberAddresses);
    }

    @CommandHandler
    ChangeApplied handle(MarkRead command) {
        int member = OnlyMembersMayAct.check(members, command.member());
        if (!ReceiptsOnlyMoveForward.moves(command.upToSeq(), read[member], lastSeq)) {
            return new ChangeApplied(conversationId, position, false, memberAddresses);
        }
        apply(new MessagesRead(conversationId, command.member().value(), command.upToSeq(), command.at()));
        return new ChangeApplied(conversationId, position, true, memberAddresses);
    }

    @EventSourcingHandler
    void on(ConversationStarted event) {
        position++;
        conversationId = event.conversationId();
        memberAddresses = List.copyOf(event.members());
        members = new ArrayList<>(event.members().stream().map(m -> m.toLowerCase(Locale.ROOT)).toList());
        delivered = new long[members.size()];
        read = new long[members.size()];
    }

    @EventSourcingHandler
    void on(MessageSent event) {
        position++;
        lastSeq = event.seq();
        if (senders.length < lastSeq) {
            senders = Arrays.copyOf(senders, (int) Math.max(lastSeq, senders.length * 2L));
        }
        senders[(int) lastSeq - 1] = (byte) members.indexOf(event.sender().toLowerCase(Locale.ROOT));
        RetriedSendsAreAcceptedOnce.remember(recentSends,
            RetriedSendsAreAcceptedOnce.key(event.sender().toLowerCase(Locale.ROOT), event.clientMessageId()),
            new RetriedSendsAreAcceptedOnce.Sent(event.seq(), position, event.sentAt()));
    }

    @EventSourcingHandler
    void on(MessageEdited event) {
        position++;
    }

    @EventSourcingHandler
    void on(MessageDeleted event) {
        position++;
        deleted.add(event.seq());
    }

    @EventSourcingHandler
    void on(MessagesDelivered event) {
        position++;
        int member = members.indexOf(event.member().toLowerCase(Locale.ROOT));
        delivered[member] = Math.max(delivered[member], event.upToSeq());
    }

    @EventSourcingHandler
    void on(MessagesRead event) {
        position++;
        int member = members.indexOf(event.member().toLowerCase(Locale.ROOT));
        read[member] = Math.max(read[member], event.upToSeq());
        delivered[member] = Math.max(delivered[member], event.upToSeq());
    }

    private int senderOf(long seq) {
        return seq >= 1 && seq <= lastSeq ? senders[(int) seq - 1] : -1;
    }
}
