package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.messaging.MessageLimits;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** Each bad send gets its own problem code, and none of them stores anything. */
class RefusedSendsTest extends MessagingIntegrationTest {

    private Person alice;
    private String id;
    private long eventsBefore;

    @BeforeEach
    void aConversation() {
        alice = signedIn();
        id = start(alice, signedIn());
        eventsBefore = storedEvents();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void a_body_that_is_not_json_is_malformed() {
        put(alice, messages(id) + "/m1").bodyValue("{\"body\": \"unterminated").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        put(alice, messages(id) + "/m1").bodyValue(Map.of("body", "x", "attachments", List.of(Map.of("attachmentId", "a")))).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        put(alice, messages(id) + "/m1").bodyValue(Map.of("body", "x", "attachments", Collections.singletonList(" "))).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");
        put(alice, messages(id) + "/m1").exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("malformed-request");
    }

    @Test
    void a_message_with_nothing_in_it_is_empty() {
        put(alice, messages(id) + "/m1").bodyValue(Map.of("body", "   ")).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("message-empty");
        put(alice, messages(id) + "/m1").bodyValue(Map.of()).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("message-empty");
    }

    @Test
    void a_message_over_the_limits_is_too_long_or_has_too_many_attachments() {
        put(alice, messages(id) + "/m1").bodyValue(Map.of("body", "x".repeat(MessageLimits.MAX_BODY_CHARS + 1))).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("message-too-long");
        List<String> eleven = java.util.stream.IntStream.range(0, MessageLimits.MAX_ATTACHMENTS + 1).mapToObj(i -> "a" + i).toList();
        put(alice, messages(id) + "/m1").bodyValue(Map.of("body", "x", "attachments", eleven)).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("too-many-attachments");
    }

    @Test
    void a_request_body_over_64_kib_is_refused_before_it_is_read_declared_or_chunked() {
        String huge = "{\"body\": \"" + "x".repeat(70 * 1024) + "\"}";
        put(alice, messages(id) + "/m1").bodyValue(huge).exchange()
            .expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("request-too-large");

        Flux<DataBuffer> chunks = Flux.range(0, 80).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
            (i == 0 ? "{\"body\": \"" : "").concat("y".repeat(1024)).getBytes(StandardCharsets.UTF_8)));
        put(alice, messages(id) + "/m1").body(BodyInserters.fromDataBuffers(chunks)).exchange()
            .expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("request-too-large");
    }

    @Test
    void a_client_message_id_outside_the_allowed_characters_is_invalid() {
        put(alice, messages(id) + "/has space").bodyValue(Map.of("body", "x")).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("invalid-client-message-id");
        put(alice, messages(id) + "/" + "k".repeat(65)).bodyValue(Map.of("body", "x")).exchange()
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("invalid-client-message-id");
    }

    @Test
    void a_conversation_id_that_cannot_exist_is_not_found() {
        put(alice, messages("conversation:nope") + "/m1").bodyValue(Map.of("body", "x")).exchange()
            .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("conversation-not-found");
        put(alice, messages("user:" + alice.address()) + "/m1").bodyValue(Map.of("body", "x")).exchange()
            .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("conversation-not-found");
    }
}
