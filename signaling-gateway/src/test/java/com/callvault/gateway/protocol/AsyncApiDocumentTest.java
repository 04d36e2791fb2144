package com.callvault.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ConversationId;
import com.callvault.gateway.protocol.ProtocolDocument.Direction;
import com.callvault.gateway.protocol.ProtocolDocument.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** docs/protocol/asyncapi.yaml holds together: its examples, its schemas, its references and the golden files agree. */
class AsyncApiDocumentTest {

    static final ProtocolDocument docs = ProtocolDocument.get();

    @Test
    void the_first_example_of_each_message_is_its_golden_file() {
        for (Direction direction : Direction.values()) {
            var golden = docs.goldenExamples(direction);
            docs.messages(direction).forEach((type, message) -> {
                assertThat(message.path("name").asString()).as("name of %s.%s", direction.folder(), type).isEqualTo(type);
                assertThat(message.path("examples").path(0).path("payload")).as("first example of %s.%s", direction.folder(), type)
                    .isEqualTo(golden.get(type));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void an_example_matches_the_schema_of_its_message(Example example) {
        assertThat(example.payload().path("type").asString()).isEqualTo(example.type());
        assertThat(docs.validate(example.direction(), example.type(), example.payload())).isEmpty();
    }

    @Test
    void the_examples_of_the_rsocket_only_messages_match_their_schemas() {
        assertThat(docs.messages("rsocket.")).isNotEmpty().allSatisfy((name, message) ->
            assertThat(docs.examplePayloads("rsocket." + name)).as("examples of rsocket.%s", name).isNotEmpty()
                .allSatisfy(payload -> assertThat(docs.validate("rsocket." + name, payload)).as("errors for %s", payload).isEmpty()));
    }

    @Test
    void the_schemas_refuse_frames_that_break_them() {
        assertRefused(Direction.SERVER, "message", frame -> frame.remove("seq"));
        assertRefused(Direction.SERVER, "message", frame -> frame.put("sentAt", 1795514551207L));
        assertRefused(Direction.SERVER, "message", frame -> frame.put("sentAt", "2026-13-45T10:02:31Z"));
        assertRefused(Direction.SERVER, "message", frame -> frame.put("sender", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"));
        assertRefused(Direction.SERVER, "message", frame -> frame.put("deletedAt", "2026-11-24T10:03:40Z"));
        assertRefused(Direction.SERVER, "message", frame -> frame.put("reactions", 3));
        assertRefused(Direction.SERVER, "ack", frame -> frame.put("changed", true));
        assertRefused(Direction.SERVER, "error", frame -> frame.put("code", "teleported"));
        assertRefused(Direction.CLIENT, "send", frame -> frame.put("body", " ").remove("attachments"));
        assertRefused(Direction.CLIENT, "send", frame -> frame.put("clientMessageId", "has spaces"));
        assertRefused(Direction.CLIENT, "receipt", frame -> frame.put("kind", "seen"));
    }

    @Test
    void every_refusal_code_of_the_api_and_every_frame_problem_is_a_documented_error_code() {
        List<String> documented = StreamSupport.stream(docs.tree.at("/components/schemas/ErrorCode/enum").spliterator(), false)
            .map(JsonNode::asString).toList();

        assertThat(documented).containsAll(Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).toList())
            .contains("malformed-frame", "unknown-type", "invalid-frame", "frame-too-large", "attachment-not-found", "internal-error");
    }

    @Test
    void every_reference_in_the_document_resolves() {
        List<String> references = new ArrayList<>();
        collectReferences(docs.tree, references);

        assertThat(references).isNotEmpty()
            .allSatisfy(ref -> assertThat(docs.tree.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse());
    }

    @Test
    void the_examples_name_eip55_addresses_and_the_direct_conversation_of_their_members() {
        JsonNode started = docs.goldenExamples(Direction.SERVER).get("conversation");
        Address first = Address.of(started.path("members").path(0).asString());
        Address second = Address.of(started.path("members").path(1).asString());

        assertThat(started.path("conversationId").asString()).isEqualTo(ConversationId.direct(first, second).value());
        for (Example example : docs.allExamples()) {
            for (String field : List.of("address", "sender", "member", "from", "startedBy")) {
                JsonNode address = example.payload().path(field);
                if (address.isString()) {
                    assertThat(Address.of(address.asString()).value()).as("%s of %s", field, example).isEqualTo(address.asString());
                }
            }
        }
    }

    static List<Example> examples() {
        return docs.allExamples();
    }

    private static void assertRefused(Direction direction, String type, Consumer<ObjectNode> breaking) {
        ObjectNode frame = (ObjectNode) docs.goldenExamples(direction).get(type).deepCopy();
        breaking.accept(frame);
        assertThat(docs.validate(direction, type, frame)).as("errors for %s", frame).isNotEmpty();
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject() && node.path("$ref").isString() && node.path("$ref").asString().startsWith("#")) {
            references.add(node.path("$ref").asString());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
