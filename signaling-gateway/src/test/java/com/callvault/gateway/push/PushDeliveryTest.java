package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.push.LocalPushService.Answer;
import com.callvault.gateway.push.LocalPushService.Device;
import com.callvault.gateway.push.LocalPushService.Received;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.gateway.testing.WsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.callvault.gateway.live.LiveChannel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Pushes as a push service receives them: decrypted with the device's keys (RFC 8291), the VAPID JWT checked
 * (RFC 8292), the headers read; and what the server does with each answer (201, 404/410, 429, 5xx, a dropped
 * connection).
 */
class PushDeliveryTest extends PushIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    TestWallet alice = TestWallet.random();
    TestWallet bob = TestWallet.random();
    String aliceToken;
    String bobToken;
    Device bobPhone;

    @BeforeEach
    void bobSubscribes() {
        aliceToken = signIn(alice);
        bobToken = signIn(bob);
        bobPhone = PUSH_SERVICE.newDevice();
        subscribe(bobToken, bobPhone.subscription()).expectStatus().isCreated();
    }

    @Test
    void a_call_to_an_offline_callee_is_pushed_keeps_ringing_and_the_device_the_push_woke_answers_it() throws Exception {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", bob.address(), "media", "video"));
            Map<String, Object> status = alicePhone.awaitType("call.status", "id", "i1");
            assertThat(status).containsEntry("state", "invited").doesNotContainKey("endReason");
            String callId = (String) status.get("callId");
            assertThat(alicePhone.awaitType("call.ringing", "callId", callId)).containsEntry("devices", 0).containsEntry("pushSent", true);

            await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 1);
            Received ring = bobPhone.delivered().get(0);
            assertThat(bobPhone.decrypt(ring)).containsEntry("type", "call").containsEntry("callId", callId)
                .containsEntry("caller", alice.address()).containsEntry("media", "video").containsKey("ringsUntil");
            assertThat(ring.header("Urgency")).isEqualTo("high");
            assertThat(ring.header("TTL")).isEqualTo("45"); // CALL_RING_TIMEOUT
            assertThat(ring.header("Content-Encoding")).isEqualTo("aes128gcm");
            assertThat(ring.header("Topic")).matches("[A-Za-z0-9_-]{1,32}");
            VapidJwt.verify(ring.header("Authorization"), VAPID.publicKey(), PUSH_SERVICE.origin(), SUBJECT);

            // the notification opens a tab: it connects, rings, and answers
            try (WsClient bobTab = WsClient.connectAs(port, bobToken, "bob-tab")) {
                assertThat(bobTab.awaitType("call.incoming", "callId", callId)).containsEntry("caller", alice.address());
                assertThat(alicePhone.awaitType("call.ringing", "devices", 1)).containsEntry("callId", callId);
                bobTab.send(Map.of("type", "call.accept", "id", "a1", "callId", callId));
                assertThat(bobTab.awaitType("call.status", "id", "a1")).containsEntry("state", "accepted");
                assertThat(alicePhone.awaitType("call.accepted", "callId", callId)).containsEntry("device", "bob-tab");
            }
            await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 2);
            Received answered = bobPhone.delivered().get(1);
            assertThat(bobPhone.decrypt(answered)).containsEntry("type", "call-ended").containsEntry("callId", callId)
                .containsEntry("reason", "answered-elsewhere").containsEntry("missed", false);
            assertThat(answered.header("Topic")).as("the same topic replaces the ringing push").isEqualTo(ring.header("Topic"));
        }
    }

    @Test
    void a_pushed_call_nobody_answers_ends_with_no_answer_and_a_missed_call_push_replaces_the_ringing_one() throws Exception {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", bob.address(), "media", "audio", "ringTimeoutSeconds", 1));
            String callId = (String) alicePhone.awaitType("call.status", "id", "i1").get("callId");
            assertThat(alicePhone.awaitType("call.ended", "callId", callId)).containsEntry("reason", "no-answer");
        }
        await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 2);
        Received ring = bobPhone.delivered().get(0);
        assertThat(ring.header("TTL")).isEqualTo("1");
        Received missed = bobPhone.delivered().get(1);
        assertThat(bobPhone.decrypt(missed)).containsEntry("type", "call-ended").containsEntry("reason", "no-answer")
            .containsEntry("missed", true).containsEntry("caller", alice.address());
        assertThat(missed.header("Topic")).isEqualTo(ring.header("Topic"));
        assertThat(missed.header("Urgency")).isEqualTo("high");
    }

    @Test
    void a_call_to_an_offline_callee_without_a_subscription_says_no_push_was_sent() {
        TestWallet carol = TestWallet.random();
        signIn(carol);
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", carol.address(), "media", "audio"));
            Map<String, Object> status = alicePhone.awaitType("call.status", "id", "i1");
            assertThat(alicePhone.awaitType("call.ended", "callId", status.get("callId"))).containsEntry("pushSent", false);
        }
    }

    @Test
    void a_device_whose_session_ended_gets_no_push_until_it_renews_its_subscription_under_a_new_one() throws Exception {
        // bob's browser kept its subscription, but the session that stored it is over
        http.post().uri("/api/auth/logout").cookie("callvault_session", bobToken).exchange().expectStatus().isNoContent();
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", bob.address(), "media", "audio"));
            Map<String, Object> status = alicePhone.awaitType("call.status", "id", "i1");
            assertThat(alicePhone.awaitType("call.ended", "callId", status.get("callId"))).containsEntry("pushSent", false);
        }
        String conversation = startConversation(aliceToken, bob.address());
        send(aliceToken, conversation, "nobody is signed in on that phone");

        // signed in again, the client renews the subscription under the new session (PushSubscriptions.check)
        subscribe(signIn(bob), bobPhone.subscription()).expectStatus().isOk();
        send(aliceToken, conversation, "now someone is");

        await().atMost(WAIT).until(() -> !bobPhone.delivered().isEmpty());
        assertThat(bobPhone.decrypt(bobPhone.delivered().getFirst())).containsEntry("seq", 2);
        // the first message's push, had there been one, was queued before the second's
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> bobPhone.received().size() == 1);
    }

    @Test
    void a_message_reaches_a_recipient_with_no_open_session_by_push_with_a_preview_and_not_one_with_a_session() throws Exception {
        String conversation = startConversation(aliceToken, bob.address());
        try (WsClient bobLaptop = WsClient.connectAs(port, bobToken, "bob-laptop")) {
            send(aliceToken, conversation, "seen live, so no push");
            bobLaptop.awaitType("message", "seq", 1);
        }
        await().atMost(WAIT).until(() -> pushSessionsClosedFor(bob.address()));
        send(aliceToken, conversation, "  Are you\nthere?  ");

        await().atMost(WAIT).until(() -> !bobPhone.delivered().isEmpty());
        Received push = bobPhone.delivered().getFirst();
        assertThat(bobPhone.decrypt(push)).containsEntry("type", "message").containsEntry("conversationId", conversation)
            .containsEntry("seq", 2).containsEntry("sender", alice.address()).containsEntry("preview", "Are you there?")
            .containsEntry("attachments", 0);
        assertThat(push.header("Urgency")).isEqualTo("normal");
        assertThat(push.header("TTL")).isEqualTo("86400");
        assertThat(push.header("Topic")).matches("m[A-Za-z0-9_-]{22}");
        VapidJwt.verify(push.header("Authorization"), VAPID.publicKey(), PUSH_SERVICE.origin(), SUBJECT);
        assertThat(bobPhone.received()).as("the message bob saw live was not pushed").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void a_subscription_the_push_service_no_longer_knows_is_removed(int gone) {
        bobPhone.answer(new Answer(gone, null));

        send(aliceToken, startConversation(aliceToken, bob.address()), "hello?");

        await().atMost(WAIT).until(() -> subscriptions(bobToken).isEmpty());
        assertThat(bobPhone.received()).hasSize(1);
        assertThat(metric("message", "gone")).isPositive();
    }

    @Test
    void too_many_requests_is_retried_after_the_time_the_push_service_asked_for_then_delivered() throws Exception {
        bobPhone.answer(new Answer(429, "1"));

        send(aliceToken, startConversation(aliceToken, bob.address()), "after a pause");

        await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 1);
        List<Received> tries = bobPhone.received();
        assertThat(tries).extracting(Received::answeredWith).containsExactly(429, 201);
        assertThat(bobPhone.decrypt(tries.get(1))).containsEntry("preview", "after a pause");
        assertThat(metric("message", "retried")).isPositive();
        assertThat(subscriptions(bobToken)).hasSize(1);
    }

    @Test
    void server_errors_are_retried_with_backoff_until_delivered() throws Exception {
        bobPhone.answer(new Answer(500, null), new Answer(503, null), new Answer(502, null));

        send(aliceToken, startConversation(aliceToken, bob.address()), "third time lucky");

        await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 1);
        assertThat(bobPhone.received()).extracting(Received::answeredWith).containsExactly(500, 503, 502, 201);
        assertThat(bobPhone.decrypt(bobPhone.delivered().getFirst())).containsEntry("preview", "third time lucky");
        assertThat(metric("message", "delivered")).isPositive();
    }

    @Test
    void a_connection_closed_without_an_answer_is_retried() throws Exception {
        bobPhone.answer(new Answer(LocalPushService.CLOSE, null));

        send(aliceToken, startConversation(aliceToken, bob.address()), "again");

        await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 1);
        assertThat(bobPhone.received()).extracting(Received::answeredWith).containsExactly(LocalPushService.CLOSE, 201);
        assertThat(bobPhone.decrypt(bobPhone.delivered().getFirst())).containsEntry("preview", "again");
    }

    @Test
    void every_device_of_the_recipient_gets_its_own_encryption() throws Exception {
        Device bobLaptop = PUSH_SERVICE.newDevice();
        subscribe(bobToken, bobLaptop.subscription()).expectStatus().isCreated();

        send(aliceToken, startConversation(aliceToken, bob.address()), "to both");

        await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 1 && bobLaptop.delivered().size() == 1);
        assertThat(bobPhone.decrypt(bobPhone.delivered().getFirst())).containsEntry("preview", "to both");
        assertThat(bobLaptop.decrypt(bobLaptop.delivered().getFirst())).containsEntry("preview", "to both");
    }

    /** The recipient's sockets on this instance are closed: the server sees them as offline. */
    private boolean pushSessionsClosedFor(String address) {
        return live.sessions(address) == 0;
    }

    @Autowired
    LiveChannel live;

    @Test
    void the_threads_that_encrypt_and_send_pushes_run_at_a_lower_priority_than_the_sockets() throws Exception {
        try (WsClient alicePhone = WsClient.connectAs(port, aliceToken, "alice-phone")) {
            alicePhone.send(Map.of("type", "call.invite", "id", "i1", "callee", bob.address(), "media", "audio"));
            await().atMost(WAIT).until(() -> bobPhone.delivered().size() == 1);
        }
        Map<String, List<Integer>> niceByThread = niceValuesOfThisProcessThreads();
        assertThat(niceOf(niceByThread, "push-encrypt")).as("encryption and signing").isNotEmpty().containsOnly(19);
        assertThat(niceOf(niceByThread, "push-http")).as("the push services' event loop").isNotEmpty().containsOnly(19);
        assertThat(niceOf(niceByThread, "reactor-http")).as("the sockets' event loops").isNotEmpty().containsOnly(0);
    }

    /** Thread name (as the kernel keeps it: at most 15 characters) → the nice values of the threads so named. */
    private static Map<String, List<Integer>> niceValuesOfThisProcessThreads() throws IOException {
        Map<String, List<Integer>> byName = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    LowPriority.niceness(task).ifPresent(nice -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(nice));
                } catch (NoSuchFileException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return byName;
    }

    private static List<Integer> niceOf(Map<String, List<Integer>> niceByThread, String prefix) {
        return niceByThread.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).flatMap(e -> e.getValue().stream()).toList();
    }

    private String startConversation(String token, String peer) {
        Map<?, ?> body = http.post().uri("/api/conversations").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("peer", peer)).exchange().expectStatus().is2xxSuccessful()
            .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("conversationId");
    }

    private void send(String token, String conversation, String text) {
        http.put().uri("/api/conversations/{id}/messages/{client}", conversation, UUID.randomUUID().toString())
            .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", text))
            .exchange().expectStatus().isCreated();
    }

    private double metric(String kind, String outcome) {
        String text = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        return text.lines()
            .filter(line -> line.startsWith("callvault_push_sent_total{") && line.contains("kind=\"" + kind + "\"")
                && line.contains("outcome=\"" + outcome + "\""))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }
}
