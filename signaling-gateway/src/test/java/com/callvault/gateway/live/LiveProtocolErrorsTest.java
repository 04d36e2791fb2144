package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.gateway.messaging.MessagingService;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.gateway.testing.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad frames get an error frame with a code, store nothing, and the socket stays usable. */
class LiveProtocolErrorsTest extends GatewayIntegrationTest {

    @Autowired MessagingService messaging;
    @Autowired JdbcTemplate jdbc;

    TestWallet alice = TestWallet.random();
    String conversationOfOthers;
    WsClient socket;
    long eventsBefore;

    @BeforeEach
    void connect() {
        TestWallet bob = TestWallet.random();
        TestWallet carol = TestWallet.random();
        conversationOfOthers = messaging.start(Address.of(bob.address()), Address.of(carol.address())).block().conversationId();
        socket = WsClient.connect(port, signIn(alice));
        eventsBefore = events();
    }

    @AfterEach
    void nothingStoredAndTheSocketStillWorks() {
        socket.send(Map.of("type", "ping", "id", "still-there"));
        socket.awaitType("pong", "id", "still-there");
        assertThat(events()).isEqualTo(eventsBefore);
        socket.close();
    }

    @Test
    void text_that_is_not_json_is_a_malformed_frame() {
        socket.sendText("{not json");
        assertThat(socket.awaitType("error", "code", "malformed-frame")).doesNotContainKey("id");
    }

    @Test
    void a_frame_of_an_unknown_type_is_refused_with_its_id() {
        socket.send(Map.of("type", "teleport", "id", "r1"));
        assertThat(socket.awaitType("error", "id", "r1")).containsEntry("code", "unknown-type");
    }

    @Test
    void a_frame_without_a_type_or_with_missing_or_mistyped_fields_is_invalid() {
        socket.send(Map.of("id", "r1", "body", "typeless"));
        assertThat(socket.awaitType("error", "id", "r1")).containsEntry("code", "malformed-frame");
        socket.send(Map.of("type", "send", "id", "r2", "conversationId", conversationOfOthers, "body", "no client id"));
        assertThat(socket.awaitType("error", "id", "r2")).containsEntry("code", "invalid-frame");
        socket.send(Map.of("type", "edit", "id", "r3", "conversationId", conversationOfOthers, "seq", "one", "body", "x"));
        assertThat(socket.awaitType("error", "id", "r3")).containsEntry("code", "invalid-frame");
    }

    @Test
    void an_oversized_frame_is_refused() {
        socket.send(Map.of("type", "send", "id", "r1", "conversationId", conversationOfOthers, "clientMessageId", "big",
            "body", "x".repeat(70_000)));
        assertThat(socket.awaitType("error", "code", "frame-too-large")).doesNotContainKey("id");
    }

    @Test
    void sending_into_a_conversation_one_is_not_a_member_of_is_refused() {
        socket.send(Map.of("type", "send", "id", "r1", "conversationId", conversationOfOthers, "clientMessageId", "m1", "body", "hi"));
        assertThat(socket.awaitType("error", "id", "r1")).containsEntry("code", "conversation-not-found");
        socket.send(Map.of("type", "send", "id", "r2", "conversationId", "conversation:nope", "clientMessageId", "m1", "body", "hi"));
        assertThat(socket.awaitType("error", "id", "r2")).containsEntry("code", "conversation-not-found");
    }

    @Test
    void a_receipt_for_a_message_from_the_future_is_refused() {
        String own = messaging.start(Address.of(alice.address()), Address.of(TestWallet.random().address())).block().conversationId();
        eventsBefore = events();
        socket.send(Map.of("type", "receipt", "id", "r1", "conversationId", own, "kind", "read", "upToSeq", 9));
        assertThat(socket.awaitType("error", "id", "r1")).containsEntry("code", "sequence-from-future");
        socket.send(Map.of("type", "receipt", "id", "r2", "conversationId", own, "kind", "seen", "upToSeq", 0));
        assertThat(socket.awaitType("error", "id", "r2")).containsEntry("code", "invalid-frame");
    }

    private long events() {
        return jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class);
    }
}
