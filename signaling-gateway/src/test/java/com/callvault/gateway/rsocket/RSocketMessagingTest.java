package com.callvault.gateway.rsocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ConversationId;
import com.callvault.gateway.messaging.MessagingService;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import reactor.test.StepVerifier;

/** RSocket over WebSocket on the same port: request-response send, request-stream timeline and inbox. */
class RSocketMessagingTest extends GatewayIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> FRAME = new ParameterizedTypeReference<>() { };

    @Autowired MessagingService messaging;
    @Autowired RSocketStrategies strategies;

    TestWallet alice = TestWallet.random();
    TestWallet bob = TestWallet.random();
    String conversationId;

    @BeforeEach
    void conversation() {
        conversationId = messaging.start(Address.of(alice.address()), Address.of(bob.address())).block().conversationId();
    }

    private RSocketRequester connect(String token) {
        RSocketRequester.Builder builder = RSocketRequester.builder().rsocketStrategies(strategies).dataMimeType(MediaType.APPLICATION_JSON);
        if (token != null) {
            builder.setupData(Map.of("token", token));
        }
        return builder.websocket(URI.create("ws://localhost:" + port + "/rsocket"));
    }

    @Test
    void a_send_is_answered_with_an_ack_carrying_the_message_number() {
        RSocketRequester requester = connect(signIn(alice));

        StepVerifier.create(requester.route("messages.send")
                .data(Map.of("type", "send", "id", "r1", "conversationId", conversationId, "clientMessageId", "rs-1", "body", "over rsocket"))
                .retrieveMono(FRAME))
            .assertNext(ack -> assertThat(ack).containsEntry("type", "ack").containsEntry("id", "r1").containsEntry("seq", 1))
            .verifyComplete();
        requester.dispose();
    }

    @Test
    void the_timeline_streams_history_then_live_changes_in_position_order() {
        Address a = Address.of(alice.address());
        ConversationId id = ConversationId.parse(conversationId);
        messaging.send(a, id, "h-1", "history one", List.of()).block();
        messaging.send(a, id, "h-2", "history two", List.of()).block();
        RSocketRequester requester = connect(signIn(bob));

        StepVerifier.create(requester.route("conversations." + conversationId + ".timeline").retrieveFlux(FRAME))
            .assertNext(frame -> assertThat(frame).containsEntry("type", "message").containsEntry("seq", 1).containsEntry("position", 1))
            .assertNext(frame -> assertThat(frame).containsEntry("seq", 2))
            .then(() -> messaging.send(a, id, "live-1", "live", List.of()).block())
            .assertNext(frame -> assertThat(frame).containsEntry("clientMessageId", "live-1").containsEntry("position", 3))
            .thenCancel()
            .verify(Duration.ofSeconds(15));
        requester.dispose();
    }

    @Test
    void a_history_longer_than_one_page_streams_whole_before_live_changes() {
        Address a = Address.of(alice.address());
        ConversationId id = ConversationId.parse(conversationId);
        reactor.core.publisher.Flux.range(1, 520)
            .concatMap(i -> messaging.send(a, id, "p-" + i, "page " + i, List.of()))
            .blockLast();
        RSocketRequester requester = connect(signIn(bob));

        StepVerifier.create(requester.route("conversations." + conversationId + ".timeline").retrieveFlux(FRAME))
            .recordWith(java.util.ArrayList::new)
            .expectNextCount(520)
            .consumeRecordedWith(frames -> assertThat(frames).extracting(f -> f.get("seq"))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 520).boxed().toList()))
            .then(() -> messaging.send(a, id, "live-1", "live", List.of()).block())
            .assertNext(frame -> assertThat(frame).containsEntry("clientMessageId", "live-1").containsEntry("position", 521))
            .thenCancel()
            .verify(Duration.ofSeconds(30));
        requester.dispose();
    }

    @Test
    void a_stranger_gets_an_error_frame_for_someone_elses_timeline() {
        RSocketRequester requester = connect(signIn(TestWallet.random()));

        StepVerifier.create(requester.route("conversations." + conversationId + ".timeline").retrieveFlux(FRAME))
            .assertNext(frame -> assertThat(frame).containsEntry("type", "error").containsEntry("code", "conversation-not-found"))
            .thenCancel()
            .verify(Duration.ofSeconds(15));
        requester.dispose();
    }

    @Test
    void a_connection_without_a_valid_session_is_rejected() {
        for (String token : new String[] {null, "not-a-session"}) {
            RSocketRequester requester = connect(token);
            StepVerifier.create(requester.route("messages.send").data(Map.of("type", "ping", "id", "x")).retrieveMono(FRAME))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining(token == null ? "not-signed-in" : "session-ended"))
                .verify(Duration.ofSeconds(15));
            requester.dispose();
        }
    }
}
