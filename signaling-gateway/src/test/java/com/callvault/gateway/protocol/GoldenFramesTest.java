package com.callvault.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.protocol.ProtocolDocument.Direction;
import com.callvault.gateway.protocol.ProtocolDocument.Example;
import com.callvault.query.messaging.InboxView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documented frames (docs/protocol) are the frames the gateway reads and writes: each client example
 * decodes into its record with every field read, each server example is exactly what the gateway writes for
 * the frame it describes, and no frame type goes undocumented. The codec is built on the JSON mapper as the
 * application configures it (Boot's Jackson auto-configuration with application.yml), without a database.
 */
class GoldenFramesTest {

    static final ProtocolDocument docs = ProtocolDocument.get();
    static JsonMapper json;
    static FrameCodec codec;

    @BeforeAll
    static void theApplicationsCodec() {
        new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withBean(FrameCodec.class)
            .run(context -> {
                json = context.getBean(JsonMapper.class);
                codec = context.getBean(FrameCodec.class);
            });
    }

    @Test
    void every_frame_type_of_the_gateway_has_a_golden_example_and_a_documented_message_and_nothing_else_does() {
        for (Direction direction : Direction.values()) {
            var types = direction.frameTypes().keySet();
            assertThat(docs.goldenExamples(direction).keySet()).as("docs/protocol/examples/%s/<type>.json", direction.folder())
                .containsExactlyInAnyOrderElementsOf(types);
            assertThat(docs.messages(direction).keySet()).as("components.messages.%s.<type> in asyncapi.yaml", direction.folder())
                .containsExactlyInAnyOrderElementsOf(types);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientExamples")
    void a_client_example_decodes_into_its_frame_with_every_field_read(Example example) {
        FrameCodec.Decoded decoded = codec.decode(example.payload().toString());

        assertThat(decoded).as("decoded %s", example).isInstanceOf(FrameCodec.Frame.class);
        ClientFrame frame = ((FrameCodec.Frame) decoded).frame();
        assertThat(frame).isInstanceOf(Direction.CLIENT.frameTypes().get(example.type()));
        // a field the record does not have would be dropped silently: writing the record back shows it
        JsonNode readBack = json.readTree(json.writerFor(ClientFrame.class).writeValueAsString(frame));
        assertThat(withoutNullFields(readBack)).isEqualTo(example.payload());
        assertThat(codec.decode(example.payload().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .as("decoded from the frame's UTF-8 bytes, as the socket does").isEqualTo(decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverExamples")
    void a_server_example_is_exactly_what_the_gateway_writes_for_it(Example example) {
        ServerFrame frame = json.readValue(example.payload().toString(), ServerFrame.class);

        assertThat(frame).isInstanceOf(Direction.SERVER.frameTypes().get(example.type()));
        assertThat(json.readTree(codec.encode(frame))).isEqualTo(example.payload());
    }

    @Test
    void the_rsocket_inbox_examples_are_exactly_what_the_gateway_writes_for_an_inbox() {
        for (JsonNode example : docs.examplePayloads("rsocket.inbox")) {
            InboxView inbox = json.readValue(example.toString(), InboxView.class);

            assertThat(json.readTree(json.writeValueAsString(inbox))).isEqualTo(example);
        }
    }

    @Test
    void instants_go_on_the_wire_as_iso_8601_strings_in_utc() {
        var deleted = new ServerFrames.MessageDeletedFrame("conversation:ff1f51bc-479a-3b73-b8b2-516cd2efe7ae", 6, 2,
            Instant.parse("2026-11-24T10:03:40.061293Z"));

        JsonNode written = json.readTree(codec.encode(deleted));

        assertThat(written.path("deletedAt").isString()).as("deletedAt is a string: %s", written).isTrue();
        assertThat(written.path("deletedAt").asString()).isEqualTo("2026-11-24T10:03:40.061293Z");
    }

    static List<Example> clientExamples() {
        return docs.allExamples().stream().filter(e -> e.direction() == Direction.CLIENT).toList();
    }

    static List<Example> serverExamples() {
        return docs.allExamples().stream().filter(e -> e.direction() == Direction.SERVER).toList();
    }

    private static JsonNode withoutNullFields(JsonNode frame) {
        ObjectNode copy = (ObjectNode) frame.deepCopy();
        frame.properties().stream().filter(field -> field.getValue().isNull()).forEach(field -> copy.remove(field.getKey()));
        return copy;
    }
}
