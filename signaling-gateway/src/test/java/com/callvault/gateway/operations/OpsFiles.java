package com.callvault.gateway.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The files of ops/ as the tests read them: from the repository (the tests run in signaling-gateway/). */
final class OpsFiles {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path OPS = REPOSITORY.resolve("ops");
    static final Path DEPLOY = OPS.resolve("deploy");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private OpsFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    /** The names in {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?message}} placeholders. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Every environment variable application.yml reads. */
    static Set<String> variablesTheAppReads() {
        try (var in = OpsFiles.class.getResourceAsStream("/application.yml")) {
            return placeholders(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
