package com.callvault.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/protocol as the tests read it: asyncapi.yaml (its messages, their examples and JSON Schemas) and the
 * golden example files. Messages are keyed {@code client.<type>} and {@code server.<type>}.
 */
final class ProtocolDocument {

    enum Direction {
        CLIENT(ClientFrame.class), SERVER(ServerFrame.class);

        private final Class<?> frames;

        Direction(Class<?> frames) {
            this.frames = frames;
        }

        String folder() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The frame types the gateway knows in this direction: {@code @JsonSubTypes} name → record. */
        Map<String, Class<?>> frameTypes() {
            return Arrays.stream(frames.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value, (a, b) -> a, TreeMap::new));
        }
    }

    /** One example of a frame: a golden file, or an example of a message in asyncapi.yaml. */
    record Example(Direction direction, String type, String source, JsonNode payload) {

        @Override
        public String toString() {
            return direction.folder() + " " + type + " (" + source + ")";
        }
    }

    /** Where the schemas of asyncapi.yaml are registered for the validator; never fetched. */
    private static final String DOCUMENT_IRI = "https://callvault.invalid/docs/protocol/asyncapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProtocolDocument INSTANCE = new ProtocolDocument(locate());

    final Path dir;
    final JsonNode tree;
    private final SchemaRegistry schemas;

    private ProtocolDocument(Path dir) {
        this.dir = dir;
        // through JSON text, so numbers read from YAML compare equal to numbers read from JSON
        this.tree = JSON.readTree(JSON.writeValueAsString(YAMLMapper.builder().build().readTree(dir.resolve("asyncapi.yaml").toFile())));
        var config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        // only components.schemas: the rest of the document is not JSON Schema, and the references keep their paths
        ObjectNode schemaDocument = JSON.createObjectNode();
        schemaDocument.putObject("components").set("schemas", tree.path("components").path("schemas"));
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(config).schemas(Map.of(DOCUMENT_IRI, schemaDocument.toString())));
    }

    static ProtocolDocument get() {
        return INSTANCE;
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path goldenFile(Direction direction, String type) {
        return dir.resolve("examples").resolve(direction.folder()).resolve(type + ".json");
    }

    /** Frame type → golden example, for every file in examples/{client,server}. */
    Map<String, JsonNode> goldenExamples(Direction direction) {
        try (Stream<Path> files = Files.list(dir.resolve("examples").resolve(direction.folder()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                .collect(Collectors.toMap(f -> f.getFileName().toString().replaceFirst("\\.json$", ""), ProtocolDocument::readJson,
                    (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of asyncapi.yaml in one direction: frame type → message object. */
    Map<String, JsonNode> messages(Direction direction) {
        return messages(direction.folder() + ".");
    }

    /** The messages of asyncapi.yaml whose key starts with {@code prefix}, by the rest of their key. */
    Map<String, JsonNode> messages(String prefix) {
        return tree.path("components").path("messages").properties().stream()
            .filter(message -> message.getKey().startsWith(prefix))
            .collect(Collectors.toMap(message -> message.getKey().substring(prefix.length()), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** The example payloads of the message {@code key} (e.g. {@code rsocket.inbox}). */
    List<JsonNode> examplePayloads(String key) {
        List<JsonNode> payloads = new ArrayList<>();
        tree.path("components").path("messages").path(key).path("examples").forEach(example -> payloads.add(example.path("payload")));
        return payloads;
    }

    /** Every golden file and every example in asyncapi.yaml. */
    List<Example> allExamples() {
        List<Example> examples = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            goldenExamples(direction).forEach((type, payload) -> examples.add(new Example(direction, type, type + ".json", payload)));
            messages(direction).forEach((type, message) -> message.path("examples").forEach(example ->
                examples.add(new Example(direction, type, "asyncapi.yaml " + example.path("name").asString(), example.path("payload")))));
        }
        return examples;
    }

    /** What the schema of the frame type's message finds wrong with {@code payload}; empty when it is valid. */
    List<Error> validate(Direction direction, String type, JsonNode payload) {
        return validate(direction.folder() + "." + type, payload);
    }

    /** What the payload schema of the message {@code key} finds wrong with {@code payload}; empty when it is valid. */
    List<Error> validate(String key, JsonNode payload) {
        String ref = tree.path("components").path("messages").path(key).path("payload").path("$ref").asString();
        return schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + ref)).validate(payload);
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("protocol");
            if (Files.isRegularFile(candidate.resolve("asyncapi.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/protocol/asyncapi.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
