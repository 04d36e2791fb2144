package com.callvault.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one phase hands the next (the app is restarted between them): figures under {@code results}, CPU
 * splits under {@code cpu}, what later phases need (tokens, conversation ids) under {@code context}, and
 * {@code errors} (a step that broke). A JSON file in the script's work directory.
 */
final class State {

    private final Path file;
    private final ObjectNode root;

    private State(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    static State load(Path file) throws IOException {
        ObjectNode root = Files.exists(file) ? (ObjectNode) Json.parse(Files.readString(file)) : Json.object();
        for (String section : new String[] {"results", "cpu", "context"}) {
            if (!root.has(section)) {
                root.putObject(section);
            }
        }
        if (!root.has("errors")) {
            root.putArray("errors");
        }
        return new State(file, root);
    }

    synchronized void save() throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    ObjectNode results() {
        return (ObjectNode) root.get("results");
    }

    ObjectNode cpu() {
        return (ObjectNode) root.get("cpu");
    }

    ObjectNode context() {
        return (ObjectNode) root.get("context");
    }

    ArrayNode errors() {
        return (ArrayNode) root.get("errors");
    }

    synchronized void error(String step, Throwable error) {
        errors().addObject().put("step", step).put("error", String.valueOf(error));
    }

    void cpu(String phase, CpuMeter.Split split) {
        cpu().putObject(phase)
            .put("seconds", split.seconds())
            .put("app", split.app())
            .put("postgres", split.postgres())
            .put("generator", split.generator())
            .put("other", split.other())
            .put("idle", split.idle())
            .put("cores", split.cores());
    }

    double number(String key) {
        JsonNode value = results().get(key);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }

    String text(String key) {
        JsonNode value = results().get(key);
        return value == null || value.isNull() ? null : value.asString();
    }
}
