package com.callvault.gateway.protocol;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/** Reads client frames and writes server frames as JSON text, turning every malformed input into an error frame. */
@Component
public class FrameCodec {

    /** Frames longer than this are answered with {@code frame-too-large} (the transport closes at 1 MiB). */
    public static final int MAX_FRAME_CHARS = 64 * 1024;

    private final JsonMapper json;

    public FrameCodec(JsonMapper json) {
        this.json = json;
    }

    /** A parsed frame, or the error frame to answer with. */
    public sealed interface Decoded permits Frame, Invalid {
    }

    public record Frame(ClientFrame frame) implements Decoded {
    }

    public record Invalid(ServerFrames.ErrorFrame error) implements Decoded {
    }

    public Decoded decode(String text) {
        if (text.length() > MAX_FRAME_CHARS) {
            return invalid(null, "frame-too-large", "a frame holds at most " + MAX_FRAME_CHARS + " characters");
        }
        try {
            // one pass for the frames that are well formed, nearly all of them
            return new Frame(json.readValue(text, ClientFrame.class));
        } catch (JacksonException e) {
            // a second look, through the tree, to tell what is wrong with it
            return diagnose(text);
        }
    }

    /**
     * The same as {@link #decode(String)}, from the frame's UTF-8 bytes: Jackson's byte parser reads a 4 KB offer in
     * about half the time of decoding the bytes to a String and parsing that. A frame of more bytes than the limit may
     * still be within it in characters, and a frame that does not read at once is diagnosed; both go through the text.
     */
    public Decoded decode(byte[] utf8) {
        if (utf8.length > MAX_FRAME_CHARS) {
            return decode(new String(utf8, StandardCharsets.UTF_8));
        }
        try {
            return new Frame(json.readValue(utf8, ClientFrame.class));
        } catch (JacksonException e) {
            return diagnose(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    private Decoded diagnose(String text) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            return invalid(null, "malformed-frame", "the frame is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return invalid(null, "malformed-frame", "a frame is a JSON object with a \"type\"");
        }
        String id = tree.path("id").isString() ? tree.path("id").asString() : null;
        if (!tree.path("type").isString()) {
            return invalid(id, "malformed-frame", "a frame needs a string \"type\"");
        }
        try {
            // the rare frame that reads as a tree but not at once (trailing content, say) is read as before
            return new Frame(json.treeToValue(tree, ClientFrame.class));
        } catch (InvalidTypeIdException e) {
            return invalid(id, "unknown-type", "unknown frame type \"" + tree.path("type").asString() + "\"");
        } catch (JacksonException e) {
            return invalid(id, "invalid-frame", "a field of this " + tree.path("type").asString() + " frame has the wrong type");
        }
    }

    public String encode(ServerFrame frame) {
        return json.writeValueAsString(frame);
    }

    /**
     * The same JSON as {@link #encode}, as UTF-8. Through a String on purpose: Jackson's {@code writeValueAsBytes} cost
     * ≈ 45 µs more per relayed 4 KB offer (SDP is full of escaped line breaks), measured by ops/bench/calls.sh.
     */
    public byte[] encodeBytes(ServerFrame frame) {
        return encode(frame).getBytes(StandardCharsets.UTF_8);
    }

    private static Invalid invalid(String id, String code, String message) {
        return new Invalid(new ServerFrames.ErrorFrame(id, code, message));
    }
}
