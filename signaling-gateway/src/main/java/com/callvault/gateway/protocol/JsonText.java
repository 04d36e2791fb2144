package com.callvault.gateway.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.core.json.UTF8StreamJsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A JSON string as a client sent it: the UTF-8 bytes between its quotes, escapes and all, relayed as they are. An SDP
 * is a few kilobytes full of escaped line breaks; reading it into a {@code String} and writing it back out was a
 * quarter of the event loops' time per relayed offer. Read from a frame's bytes ({@link FrameCodec#decode(byte[])}),
 * the string is not unescaped at all: Jackson checks it as it skips it, this keeps a copy of its bytes. Written by
 * Jackson's UTF-8 generator, the bytes go out unchanged (an escaped letter stays escaped: the same string to any JSON
 * reader). Elsewhere it is an ordinary string.
 */
@JsonDeserialize(using = JsonText.Reader.class)
@JsonSerialize(using = JsonText.Writer.class)
public final class JsonText {

    /** The deserialization attribute holding the frame's bytes, so that a string's bytes can be taken from them. */
    static final Object FRAME = new Object();

    /** The escaped UTF-8 bytes, without the quotes; checked JSON. */
    private final byte[] escaped;
    private int length = -1;

    private JsonText(byte[] escaped) {
        this.escaped = escaped;
    }

    public static JsonText of(String value) {
        return new JsonText(JsonStringEncoder.getInstance().quoteAsUTF8(value));
    }

    /** The string's length in UTF-16 units, as {@link String#length()}, without decoding it. */
    public int length() {
        if (length < 0) {
            length = countChars(escaped);
        }
        return length;
    }

    /** Whether the string holds only white space, as {@link String#isBlank()}. */
    public boolean isBlank() {
        for (int i = 0; i < escaped.length; i++) {
            int b = escaped[i];
            if (b < 0 || b == '\\') {
                return text().isBlank(); // an escape or a non-ASCII character: rare at the start of anything sent
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** The string itself. */
    public String text() {
        int from = 0;
        StringBuilder out = null;
        for (int i = 0; i < escaped.length; i++) {
            if (escaped[i] != '\\') {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(escaped.length);
            }
            out.append(new String(escaped, from, i - from, StandardCharsets.UTF_8));
            char c = (char) escaped[++i];
            switch (c) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(new String(escaped, i + 1, 4, StandardCharsets.US_ASCII), 16));
                    i += 4;
                }
                default -> out.append(c); // " \ /
            }
            from = i + 1;
        }
        if (out == null) {
            return new String(escaped, StandardCharsets.UTF_8);
        }
        return out.append(new String(escaped, from, escaped.length - from, StandardCharsets.UTF_8)).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonText that && text().equals(that.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    /** UTF-16 units of checked, escaped UTF-8: an escape is one (a six-character escape of a surrogate half too), a 4-byte sequence two. */
    static int countChars(byte[] escaped) {
        int chars = 0;
        int i = 0;
        while (i < escaped.length) {
            int b = escaped[i] & 0xFF;
            if (b == '\\') {
                i += escaped[i + 1] == 'u' ? 6 : 2;
                chars++;
            } else if (b < 0x80) {
                i++;
                chars++;
            } else if (b < 0xE0) {
                i += 2;
                chars++;
            } else if (b < 0xF0) {
                i += 3;
                chars++;
            } else {
                i += 4;
                chars += 2;
            }
        }
        return chars;
    }

    /** Where the string that starts at {@code quote} ends: the index of its closing quote, or -1. */
    static int closingQuote(byte[] frame, int quote) {
        for (int i = quote + 1; i < frame.length; i++) {
            byte b = frame[i];
            if (b == '\\') {
                i++;
            } else if (b == '"') {
                return i;
            }
        }
        return -1;
    }

    static final class Reader extends ValueDeserializer<JsonText> {

        @Override
        public JsonText deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (JsonText) ctxt.handleUnexpectedToken(JsonText.class, p);
            }
            // Only Jackson's own parser over the frame's bytes says where in them the string is (a parser replaying
            // buffered tokens, when "type" came late, reports another place); the string is left unread, so that
            // Jackson checks it as it skips it, and an ill-formed one fails the frame.
            if (ctxt.getAttribute(FRAME) instanceof byte[] frame && p instanceof UTF8StreamJsonParser) {
                long at = p.currentTokenLocation().getByteOffset();
                if (at >= 0 && at < frame.length && frame[(int) at] == '"') {
                    int end = closingQuote(frame, (int) at);
                    if (end > 0) {
                        return new JsonText(Arrays.copyOfRange(frame, (int) at + 1, end));
                    }
                }
            }
            return of(p.getString());
        }
    }

    static final class Writer extends ValueSerializer<JsonText> {

        @Override
        public void serialize(JsonText value, JsonGenerator gen, SerializationContext ctxt) {
            if (gen instanceof UTF8JsonGenerator) {
                gen.writeRawUTF8String(value.escaped, 0, value.escaped.length);
            } else {
                gen.writeString(value.text());
            }
        }
    }
}
