package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.MessageAccepted;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.testing.WsClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sends that queue up behind a command in flight for their conversation go out as one batch: one commit,
 * yet each message with its own gap-free seq, its own answer or refusal, in the order it was sent.
 */
class BatchedSendsTest extends MessagingIntegrationTest {

    static final Duration ANSWERED = Duration.ofSeconds(20);

    @Autowired MessagingService messaging;
    @Autowired DataSource dataSource;

    @Test
    void sends_queued_behind_one_in_flight_share_a_commit_and_are_answered_one_by_one() throws Exception {
        Person alice = signedIn();
        Person bob = signedIn();
        Person mallory = signedIn();
        ConversationId id = ConversationId.parse(start(alice, bob));

        try (WsClient bobSocket = WsClient.connect(port, bob.token()); Connection appendsHeld = holdAppends()) {
            CompletableFuture<MessageAccepted> first = send(alice, id, "first", "one");
            awaitAnAppendWaiting();
            // queued while "first" is held in flight: they go out together once it is done
            List<CompletableFuture<MessageAccepted>> queued = List.of(
                send(alice, id, "a1", "two"),
                send(bob, id, "b1", "three"),
                send(mallory, id, "m1", "let me in"),
                send(alice, id, "a2", "   "),
                send(alice, id, "first", "one, retried"),
                send(alice, id, "a1", "two, retried"),
                send(bob, id, "b2", "four"));
            bobSocket.send(Map.of("type", "ping", "id", "p1"));
            bobSocket.awaitType("pong", "id", "p1");
            assertThat(bobSocket.received("message")).as("nothing is delivered before it is committed").isEmpty();

            appendsHeld.rollback();

            assertThat(first.get()).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(1L, false);
            assertThat(accepted(queued.get(0))).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(2L, false);
            assertThat(accepted(queued.get(1))).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(3L, false);
            assertThat(refusal(queued.get(2))).isEqualTo("conversation-not-found");
            assertThat(refusal(queued.get(3))).isEqualTo("message-empty");
            assertThat(accepted(queued.get(4))).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(1L, true);
            assertThat(accepted(queued.get(5))).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(2L, true);
            assertThat(accepted(queued.get(6))).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(4L, false);

            assertThat(storedMessages(id)).containsExactly("1 first", "2 a1", "3 b1", "4 b2");
            assertThat(commitsOfMessages(id)).as("the first alone, then the queued ones together").isEqualTo(2);
            eventually(() -> assertThat(bobSocket.received("message")).extracting(frame -> frame.get("clientMessageId"))
                .containsExactly("first", "a1", "b1", "b2"));
        }
    }

    @Test
    void a_retry_in_a_later_batch_answers_the_original() throws Exception {
        Person alice = signedIn();
        Person bob = signedIn();
        ConversationId id = ConversationId.parse(start(alice, bob));
        List<CompletableFuture<MessageAccepted>> earlier = new ArrayList<>();
        try (Connection appendsHeld = holdAppends()) {
            earlier.add(send(alice, id, "x0", "alone"));
            awaitAnAppendWaiting();
            earlier.add(send(alice, id, "x1", "batched"));
            earlier.add(send(bob, id, "y1", "batched too"));
            appendsHeld.rollback();
        }
        assertThat(accepted(earlier.getLast()).seq()).isEqualTo(3);

        try (Connection appendsHeld = holdAppends()) {
            CompletableFuture<MessageAccepted> next = send(bob, id, "y2", "next");
            awaitAnAppendWaiting();
            CompletableFuture<MessageAccepted> retryOfBatched = send(alice, id, "x1", "batched, again");
            CompletableFuture<MessageAccepted> retryOfAlone = send(alice, id, "x0", "alone, again");
            CompletableFuture<MessageAccepted> last = send(bob, id, "y3", "last");
            appendsHeld.rollback();

            assertThat(accepted(next).seq()).isEqualTo(4);
            assertThat(accepted(retryOfBatched)).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(2L, true);
            assertThat(accepted(retryOfAlone)).extracting(MessageAccepted::seq, MessageAccepted::duplicate).containsExactly(1L, true);
            assertThat(accepted(last).seq()).isEqualTo(5);
        }
        assertThat(storedMessages(id)).containsExactly("1 x0", "2 x1", "3 y1", "4 y2", "5 y3");
    }

    @Test
    void many_concurrent_sends_into_one_conversation_are_stored_once_each_numbered_from_1_without_gaps() {
        Person alice = signedIn();
        Person bob = signedIn();
        String conversation = start(alice, bob);
        ConversationId id = ConversationId.parse(conversation);
        int perSocket = 60;
        List<WsClient> sockets = List.of(WsClient.connect(port, alice.token()), WsClient.connect(port, alice.token()),
            WsClient.connect(port, bob.token()), WsClient.connect(port, bob.token()));
        try {
            List<CompletableFuture<MessageAccepted>> direct = new ArrayList<>();
            for (int i = 0; i < perSocket; i++) {
                for (int s = 0; s < sockets.size(); s++) {
                    sockets.get(s).send(Map.of("type", "send", "id", "s" + s + "-" + i, "conversationId", conversation,
                        "clientMessageId", "s" + s + "-" + i, "body", "#" + i));
                }
                direct.add(send(i % 2 == 0 ? alice : bob, id, "direct-" + i, "#" + i));
            }

            Map<Long, String> seqToClientId = new HashMap<>();
            for (int s = 0; s < sockets.size(); s++) {
                WsClient socket = sockets.get(s);
                eventually(() -> assertThat(socket.received("ack")).hasSize(perSocket));
                Map<Object, Map<String, Object>> acks = new HashMap<>();
                socket.received("ack").forEach(ack -> acks.put(ack.get("id"), ack));
                long previous = 0;
                for (int i = 0; i < perSocket; i++) {
                    Map<String, Object> ack = acks.get("s" + s + "-" + i);
                    long seq = ((Number) ack.get("seq")).longValue();
                    assertThat(seq).as("a socket's sends keep their order").isGreaterThan(previous);
                    previous = seq;
                    assertThat(seqToClientId.put(seq, (String) ack.get("clientMessageId"))).isNull();
                }
            }
            for (CompletableFuture<MessageAccepted> answer : direct) {
                MessageAccepted accepted = accepted(answer);
                assertThat(seqToClientId.put(accepted.seq(), accepted.clientMessageId())).isNull();
            }

            int total = perSocket * (sockets.size() + 1);
            assertThat(seqToClientId.keySet()).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(storedMessages(id)).containsExactlyElementsOf(
                LongStream.rangeClosed(1, total).mapToObj(seq -> seq + " " + seqToClientId.get(seq)).toList());
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    @Test
    void requests_behind_pipelined_sends_see_them_and_a_refused_send_loses_nothing() {
        Person alice = signedIn();
        Person bob = signedIn();
        String conversation = start(alice, bob);
        try (WsClient socket = WsClient.connect(port, alice.token())) {
            for (int i = 1; i <= 6; i++) {
                socket.send(Map.of("type", "send", "id", "r" + i, "conversationId", conversation, "clientMessageId", "m-" + i,
                    "body", i == 3 ? "" : "#" + i));
            }
            socket.send(Map.of("type", "edit", "id", "edit", "conversationId", conversation, "seq", 5, "body", "#6, edited"));
            socket.send(Map.of("type", "delete", "id", "delete", "conversationId", conversation, "seq", 2));

            assertThat(socket.awaitType("error", "id", "r3")).containsEntry("code", "message-empty");
            assertThat(List.of(1, 2, 4, 5, 6)).extracting(i -> socket.awaitType("ack", "id", "r" + i).get("seq")).containsExactly(1, 2, 3, 4, 5);
            assertThat(socket.awaitType("ack", "id", "edit")).containsEntry("changed", true);
            assertThat(socket.awaitType("ack", "id", "delete")).containsEntry("changed", true);
        }
        assertThat(storedMessages(ConversationId.parse(conversation))).containsExactly("1 m-1", "2 m-2", "3 m-4", "4 m-5", "5 m-6");
    }

    private CompletableFuture<MessageAccepted> send(Person who, ConversationId id, String clientMessageId, String body) {
        return messaging.send(Address.of(who.address()), id, clientMessageId, body, List.of()).toFuture();
    }

    private static MessageAccepted accepted(CompletableFuture<MessageAccepted> answer) {
        return assertThat(answer).succeedsWithin(ANSWERED).actual();
    }

    private static String refusal(CompletableFuture<MessageAccepted> answer) {
        return assertThat(answer).failsWithin(ANSWERED).withThrowableOfType(ExecutionException.class)
            .havingCause().isInstanceOf(ApiProblem.class).actual() instanceof ApiProblem problem ? problem.code() : null;
    }

    /** A transaction that keeps every append waiting (reads go on) until it ends. */
    private Connection holdAppends() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        connection.createStatement().execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
        return connection;
    }

    private void awaitAnAppendWaiting() {
        eventually(() -> assertThat(jdbc.queryForObject("""
            SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into domain_event_entry%'""",
            Long.class)).isEqualTo(1));
    }

    /** "seq clientMessageId" of the conversation's stored messages, in the order of their positions. */
    private List<String> storedMessages(ConversationId id) {
        return jdbc.queryForList("""
            SELECT concat(payload->>'seq', ' ', payload->>'clientMessageId') FROM domain_event_entry
             WHERE aggregate_identifier = ? AND payload_type = 'com.callvault.api.messaging.MessageSent'
             ORDER BY sequence_number""", String.class, id.value());
    }

    /** Transactions the conversation's messages were appended in. */
    private long commitsOfMessages(ConversationId id) {
        return jdbc.queryForObject("""
            SELECT count(DISTINCT xmin::text) FROM domain_event_entry
             WHERE aggregate_identifier = ? AND payload_type = 'com.callvault.api.messaging.MessageSent'""", Long.class, id.value());
    }
}
