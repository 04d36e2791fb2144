package com.callvault.gateway.messaging;

import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Signed-in people who start conversations and send messages over the HTTP API. */
abstract class MessagingIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    /** A wallet with a session. */
    protected record Person(TestWallet wallet, String token) {

        String address() {
            return wallet.address();
        }
    }

    protected Person signedIn() {
        TestWallet wallet = TestWallet.random();
        return new Person(wallet, signIn(wallet));
    }

    protected WebTestClient.RequestHeadersSpec<?> get(Person who, String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token());
    }

    protected WebTestClient.RequestBodySpec post(Person who, String uri) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token()).contentType(MediaType.APPLICATION_JSON);
    }

    protected WebTestClient.RequestBodySpec put(Person who, String uri) {
        return http.put().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token()).contentType(MediaType.APPLICATION_JSON);
    }

    protected WebTestClient.RequestBodySpec patch(Person who, String uri) {
        return http.patch().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token()).contentType(MediaType.APPLICATION_JSON);
    }

    protected WebTestClient.RequestHeadersSpec<?> delete(Person who, String uri) {
        return http.delete().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token());
    }

    /** POST /api/conversations and answer the conversation id. */
    protected String start(Person who, Person peer) {
        Map<?, ?> body = post(who, "/api/conversations").bodyValue(Map.of("peer", peer.address())).exchange()
            .expectStatus().is2xxSuccessful()
            .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("conversationId");
    }

    /** PUT a text message and answer its seq. */
    protected long send(Person who, String conversationId, String clientMessageId, String text) {
        Map<?, ?> body = put(who, messages(conversationId) + "/" + clientMessageId).bodyValue(Map.of("body", text)).exchange()
            .expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("seq")).longValue();
    }

    protected static String messages(String conversationId) {
        return "/api/conversations/" + conversationId + "/messages";
    }

    /** The page's messages, in the order the API answered them. */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> page(Person who, String uri) {
        Map<?, ?> body = get(who, uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("messages");
    }

    protected static List<Long> seqs(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> ((Number) m.get("seq")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    protected long storedEvents() {
        return jdbc.queryForObject(COUNT_EVENTS_BUT_CALLS, Long.class);
    }

    /** Read models follow the events within milliseconds: wait for them, never sleep. */
    protected static void eventually(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion);
    }
}
