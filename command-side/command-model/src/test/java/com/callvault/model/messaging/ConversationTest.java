package com.callvault.model.messaging;

import com.callvault.api.ErrorCode;
import com.callvault.api.RuleViolation;
import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ChangeApplied;
import com.callvault.api.messaging.ConversationId;
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
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationTest {

    static final Address ALICE = Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    static final Address BOB = Address.of("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
    static final Address MALLORY = Address.of("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB");
    static final ConversationId ID = ConversationId.direct(ALICE, BOB);
    static final String CID = ID.value();
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(1);
    static final List<String> MEMBERS = List.of(ALICE.value(), BOB.value());

    private AggregateTestFixture<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
    }

    static ConversationStarted started() {
        return new ConversationStarted(CID, ConversationStarted.DIRECT, MEMBERS, ALICE.value(), T0);
    }

    static MessageSent sent(long seq, Address by, String clientId) {
        return new MessageSent(CID, seq, clientId, by.value(), "hello " + seq, List.of(), T0);
    }

    @Test
    void either_member_starting_the_direct_conversation_arrives_at_the_same_one() {
        org.assertj.core.api.Assertions.assertThat(ConversationId.direct(BOB, ALICE)).isEqualTo(ID);
        fixture.givenNoPriorActivity()
            .when(StartConversation.between(ALICE, BOB, T0))
            .expectEvents(started())
            .expectResultMessagePayload(new ConversationOpened(CID, MEMBERS, true));
        fixture.given(started())
            .when(StartConversation.between(BOB, ALICE, T1))
            .expectNoEvents()
            .expectResultMessagePayload(new ConversationOpened(CID, MEMBERS, false));
    }

    @Test
    void nobody_converses_with_themselves() {
        fixture.givenNoPriorActivity()
            .when(new StartConversation(ConversationId.direct(ALICE, ALICE), ALICE, ALICE, T0))
            .expectException(CommandExecutionException.class)
            .expectExceptionDetails(new RuleViolation(ErrorCode.CANNOT_CONVERSE_WITH_SELF, "a conversation needs two different addresses"));
    }

    @Test
    void messages_are_numbered_without_gaps_and_their_position_is_the_event_sequence() {
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new SendMessage(ID, BOB, "c2", "hi", List.of(), T1))
            .expectEvents(new MessageSent(CID, 2, "c2", BOB.value(), "hi", List.of(), T1))
            .expectResultMessagePayload(new MessageAccepted(CID, 2, 2, "c2", T1, false, MEMBERS));
    }

    @Test
    void a_retried_send_answers_the_original_and_creates_nothing() {
        fixture.given(started(), sent(1, ALICE, "c1"), sent(2, BOB, "c1"))
            .when(new SendMessage(ID, ALICE, "c1", "hello again", List.of(), T1))
            .expectNoEvents()
            .expectResultMessagePayload(new MessageAccepted(CID, 1, 1, "c1", T0, true, MEMBERS));
    }

    @Test
    void only_members_may_send() {
        fixture.given(started())
            .when(new SendMessage(ID, MALLORY, "c1", "let me in", List.of(), T1))
            .expectNoEvents()
            .expectExceptionDetails(new RuleViolation(ErrorCode.NOT_A_MEMBER, MALLORY + " is not a member of this conversation"));
    }

    @Test
    void an_empty_or_oversized_message_or_a_bad_client_id_is_refused() {
        fixture.given(started()).when(new SendMessage(ID, ALICE, "c1", "   ", List.of(), T1))
            .expectExceptionDetails(new RuleViolation(ErrorCode.MESSAGE_EMPTY, "a message needs text or an attachment"));
        fixture.given(started()).when(new SendMessage(ID, ALICE, "c1", "x".repeat(4097), List.of(), T1))
            .expectExceptionDetails(new RuleViolation(ErrorCode.MESSAGE_TOO_LONG, "a message holds at most 4096 characters"));
        fixture.given(started()).when(new SendMessage(ID, ALICE, "has space", "hi", List.of(), T1))
            .expectExceptionDetails(new RuleViolation(ErrorCode.INVALID_CLIENT_MESSAGE_ID, "a client message id is 1-64 of A-Z a-z 0-9 . _ ~ : -"));
    }

    @Test
    void the_sender_edits_and_deletes_their_own_message() {
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new EditMessage(ID, ALICE, 1, "hello, edited", T1))
            .expectEvents(new MessageEdited(CID, 1, ALICE.value(), "hello, edited", T1))
            .expectResultMessagePayload(new ChangeApplied(CID, 2, true, MEMBERS));
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new DeleteMessage(ID, ALICE, 1, T1))
            .expectEvents(new MessageDeleted(CID, 1, ALICE.value(), T1));
    }

    @Test
    void nobody_changes_someone_elses_message_or_one_that_does_not_exist() {
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new EditMessage(ID, BOB, 1, "mine now", T1))
            .expectExceptionDetails(new RuleViolation(ErrorCode.NOT_YOUR_MESSAGE, "message 1 was sent by the other member"));
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new DeleteMessage(ID, ALICE, 7, T1))
            .expectExceptionDetails(new RuleViolation(ErrorCode.MESSAGE_NOT_FOUND, "this conversation has no message 7"));
    }

    @Test
    void a_deleted_message_cannot_be_edited_and_deleting_it_again_changes_nothing() {
        fixture.given(started(), sent(1, ALICE, "c1"), new MessageDeleted(CID, 1, ALICE.value(), T0))
            .when(new EditMessage(ID, ALICE, 1, "back", T1))
            .expectExceptionDetails(new RuleViolation(ErrorCode.MESSAGE_DELETED, "message 1 was deleted"));
        fixture.given(started(), sent(1, ALICE, "c1"), new MessageDeleted(CID, 1, ALICE.value(), T0))
            .when(new DeleteMessage(ID, ALICE, 1, T1))
            .expectNoEvents()
            .expectResultMessagePayload(new ChangeApplied(CID, 2, false, MEMBERS));
    }

    @Test
    void receipts_move_forward_only_and_never_past_the_last_message() {
        fixture.given(started(), sent(1, ALICE, "c1"), sent(2, ALICE, "c2"))
            .when(new MarkRead(ID, BOB, 2, T1))
            .expectEvents(new MessagesRead(CID, BOB.value(), 2, T1));
        fixture.given(started(), sent(1, ALICE, "c1"), sent(2, ALICE, "c2"), new MessagesRead(CID, BOB.value(), 2, T0))
            .when(new MarkDelivered(ID, BOB, 1, T1))
            .expectNoEvents()
            .expectResultMessagePayload(new ChangeApplied(CID, 3, false, MEMBERS));
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new MarkDelivered(ID, BOB, 5, T1))
            .expectExceptionDetails(new RuleViolation(ErrorCode.SEQUENCE_FROM_FUTURE, "message 5 does not exist yet (the last is 1)"));
        fixture.given(started(), sent(1, ALICE, "c1"), new MessagesDelivered(CID, BOB.value(), 1, T0))
            .when(new MarkRead(ID, BOB, 1, T1))
            .expectEvents(new MessagesRead(CID, BOB.value(), 1, T1));
    }

    private static SendMessage send(Address by, String clientId, String body) {
        return new SendMessage(ID, by, clientId, body, List.of(), T1);
    }

    private static MessageSent sentNow(long seq, Address by, String clientId, String body) {
        return new MessageSent(CID, seq, clientId, by.value(), body, List.of(), T1);
    }

    private static SendResult accepted(long seq, String clientId, Instant at, boolean duplicate) {
        return SendResult.accepted(new MessageAccepted(CID, seq, seq, clientId, at, duplicate, MEMBERS));
    }

    @Test
    void a_batch_numbers_its_messages_in_order_after_the_last_one_in_one_unit_of_work() {
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new SendMessages(ID, List.of(send(BOB, "b1", "one"), send(ALICE, "c2", "two"), send(BOB, "b2", "three"))))
            .expectEvents(sentNow(2, BOB, "b1", "one"), sentNow(3, ALICE, "c2", "two"), sentNow(4, BOB, "b2", "three"))
            .expectResultMessagePayload(new SendResults(List.of(
                accepted(2, "b1", T1, false), accepted(3, "c2", T1, false), accepted(4, "b2", T1, false))));
    }

    @Test
    void a_retry_inside_a_batch_or_of_an_earlier_send_answers_the_original_and_creates_nothing() {
        fixture.given(started(), sent(1, ALICE, "c1"))
            .when(new SendMessages(ID, List.of(send(ALICE, "c1", "again"), send(ALICE, "c2", "new"), send(ALICE, "c2", "new, retried"))))
            .expectEvents(sentNow(2, ALICE, "c2", "new"))
            .expectResultMessagePayload(new SendResults(List.of(
                accepted(1, "c1", T0, true), accepted(2, "c2", T1, false), accepted(2, "c2", T1, true))));
    }

    @Test
    void a_refused_message_in_a_batch_refuses_only_itself() {
        fixture.given(started())
            .when(new SendMessages(ID, List.of(send(ALICE, "c1", "before"), send(ALICE, "c2", "  "), send(MALLORY, "m1", "let me in"),
                send(ALICE, "bad id", "hi"), send(BOB, "b1", "after"))))
            .expectEvents(sentNow(1, ALICE, "c1", "before"), sentNow(2, BOB, "b1", "after"))
            .expectResultMessagePayload(new SendResults(List.of(
                accepted(1, "c1", T1, false),
                SendResult.refused(new RuleViolation(ErrorCode.MESSAGE_EMPTY, "a message needs text or an attachment")),
                SendResult.refused(new RuleViolation(ErrorCode.NOT_A_MEMBER, MALLORY + " is not a member of this conversation")),
                SendResult.refused(new RuleViolation(ErrorCode.INVALID_CLIENT_MESSAGE_ID, "a client message id is 1-64 of A-Z a-z 0-9 . _ ~ : -")),
                accepted(2, "b1", T1, false))));
    }

    @Test
    void a_batch_goes_into_one_conversation_only() {
        ConversationId other = ConversationId.direct(ALICE, MALLORY);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> new SendMessages(ID, List.of(send(ALICE, "c1", "hi"), new SendMessage(other, ALICE, "c2", "hi", List.of(), T1))));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new SendMessages(ID, List.of()));
    }
}
