package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.api.identity.Address;
import com.callvault.gateway.messaging.MessagingService;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.gateway.testing.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Live delivery over /ws between two users with real sockets, after the events are committed. */
class LiveMessagingTest extends GatewayIntegrationTest {

    @Autowired MessagingService messaging;
    @Autowired JdbcTemplate jdbc;

    TestWallet alice = TestWallet.random();
    TestWallet bob = TestWallet.random();
    String aliceToken;
    String bobToken;
    String conversationId;

    @BeforeEach
    void twoUsersInAConversation() {
        aliceToken = signIn(alice);
        bobToken = signIn(bob);
        conversationId = messaging.start(Address.of(alice.address()), Address.of(bob.address())).block().conversationId();
    }

    @Test
    void a_message_sent_on_one_socket_is_acknowledged_with_its_number_and_reaches_every_socket_of_both_members() {
        try (WsClient alicePhone = WsClient.connect(port, aliceToken);
             WsClient aliceLaptop = WsClient.connect(port, aliceToken);
             WsClient bobPhone = WsClient.connect(port, bobToken)) {

            alicePhone.send(Map.of("type", "send", "id", "r1", "conversationId", conversationId, "clientMessageId", "m-1", "body", "hi Bob"));

            Map<String, Object> ack = alicePhone.awaitType("ack", "id", "r1");
            assertThat(ack).containsEntry("seq", 1).containsEntry("position", 1).containsEntry("duplicate", false);
            for (WsClient socket : List.of(bobPhone, aliceLaptop, alicePhone)) {
                Map<String, Object> message = socket.awaitType("message", "clientMessageId", "m-1");
                assertThat(message).containsEntry("conversationId", conversationId).containsEntry("seq", 1)
                    .containsEntry("body", "hi Bob").containsEntry("sender", alice.address());
            }
        }
    }

    @Test
    void pipelined_sends_into_one_conversation_keep_their_order() {
        try (WsClient aliceSocket = WsClient.connect(port, aliceToken)) {
            for (int i = 1; i <= 20; i++) {
                aliceSocket.send(Map.of("type", "send", "id", "r" + i, "conversationId", conversationId, "clientMessageId", "m-" + i, "body", "#" + i));
            }
            for (int i = 1; i <= 20; i++) {
                assertThat(aliceSocket.awaitType("ack", "id", "r" + i)).containsEntry("seq", i);
            }
        }
    }

    @Test
    void a_retried_send_is_acknowledged_as_a_duplicate_and_delivered_once() {
        try (WsClient aliceSocket = WsClient.connect(port, aliceToken); WsClient bobSocket = WsClient.connect(port, bobToken)) {
            Map<String, String> send = Map.of("type", "send", "conversationId", conversationId, "clientMessageId", "m-1", "body", "once");
            aliceSocket.send(withId(send, "r1"));
            aliceSocket.awaitType("ack", "id", "r1");
            aliceSocket.send(withId(send, "r2"));

            assertThat(aliceSocket.awaitType("ack", "id", "r2")).containsEntry("seq", 1).containsEntry("duplicate", true);
            aliceSocket.send(Map.of("type", "ping", "id", "p"));
            aliceSocket.awaitType("pong", "id", "p");
            bobSocket.send(Map.of("type", "ping", "id", "p"));
            bobSocket.awaitType("pong", "id", "p");
            assertThat(bobSocket.received("message")).hasSize(1);
        }
    }

    @Test
    void edits_deletions_and_receipts_reach_the_peer_live() {
        try (WsClient aliceSocket = WsClient.connect(port, aliceToken); WsClient bobSocket = WsClient.connect(port, bobToken)) {
            aliceSocket.send(Map.of("type", "send", "id", "r1", "conversationId", conversationId, "clientMessageId", "m-1", "body", "helo"));
            bobSocket.awaitType("message", "clientMessageId", "m-1");

            aliceSocket.send(Map.of("type", "edit", "id", "r2", "conversationId", conversationId, "seq", 1, "body", "hello"));
            assertThat(bobSocket.awaitType("message.edited", "seq", 1)).containsEntry("body", "hello").containsEntry("position", 2);
            bobSocket.send(Map.of("type", "receipt", "id", "r3", "conversationId", conversationId, "kind", "read", "upToSeq", 1));
            assertThat(aliceSocket.awaitType("receipt", "member", bob.address())).containsEntry("kind", "read").containsEntry("upToSeq", 1);
            aliceSocket.send(Map.of("type", "delete", "id", "r4", "conversationId", conversationId, "seq", 1));
            assertThat(bobSocket.awaitType("message.deleted", "seq", 1)).containsEntry("position", 4);
        }
    }

    @Test
    void typing_is_relayed_to_the_peer_and_never_stored() {
        try (WsClient aliceSocket = WsClient.connect(port, aliceToken); WsClient bobSocket = WsClient.connect(port, bobToken)) {
            long events = jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class);

            aliceSocket.send(Map.of("type", "typing", "conversationId", conversationId, "active", true));

            assertThat(bobSocket.awaitType("typing", "from", alice.address())).containsEntry("active", true);
            assertThat(jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class)).isEqualTo(events);
            aliceSocket.send(Map.of("type", "ping", "id", "p"));
            aliceSocket.awaitType("pong", "id", "p");
            assertThat(aliceSocket.received("typing")).isEmpty();
        }
    }

    @Test
    void on_reconnect_a_sync_sends_everything_newer_in_order_before_live_traffic() {
        Address a = Address.of(alice.address());
        var id = com.callvault.api.messaging.ConversationId.parse(conversationId);
        for (int i = 1; i <= 3; i++) {
            messaging.send(a, id, "offline-" + i, "while you were away " + i, List.of()).block();
        }
        messaging.edit(a, id, 1, "while you were away (edited)").block();

        try (WsClient bobSocket = WsClient.connect(port, bobToken)) {
            bobSocket.send(Map.of("type", "sync", "id", "s1", "conversations", Map.of(conversationId, 1)));
            Map<String, Object> synced = bobSocket.awaitType("synced", "id", "s1");

            assertThat(synced.get("conversations")).isEqualTo(Map.of(conversationId, 4));
            List<Map<String, Object>> changes = bobSocket.received().stream()
                .filter(f -> conversationId.equals(f.get("conversationId"))).toList();
            assertThat(changes).extracting(f -> f.get("position")).containsExactly(2, 3, 4);
            assertThat(changes).extracting(f -> f.get("seq")).containsExactly(2, 3, 1);
            assertThat(changes.get(2)).containsEntry("body", "while you were away (edited)");

            messaging.send(a, id, "live-1", "now live", List.of()).block();
            assertThat(bobSocket.awaitType("message", "clientMessageId", "live-1")).containsEntry("position", 5);
        }
    }

    @Test
    void no_socket_opens_without_a_session_or_from_another_site() {
        WsClient anonymous = WsClient.tryConnect(port, null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymous.closeReason() != null);
        assertThat(anonymous.closeReason()).contains("401");
        WsClient crossSite = WsClient.tryConnect(port, aliceToken, "https://evil.example");
        await().atMost(Duration.ofSeconds(10)).until(() -> crossSite.closeReason() != null);
        assertThat(crossSite.closeReason()).contains("403");
    }

    private static Map<String, Object> withId(Map<String, String> frame, String id) {
        var copy = new java.util.HashMap<String, Object>(frame);
        copy.put("id", id);
        return copy;
    }
}
