package com.callvault.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Frames read from their UTF-8 bytes (the socket's way) answer exactly as frames read from text. */
class FrameCodecTest {

    final FrameCodec codec = new FrameCodec(JsonMapper.builder().build());

    @Test
    void text_beyond_ascii_reads_the_same_from_bytes_as_from_text() {
        String frame = "{\"type\":\"send\",\"id\":\"s1\",\"conversationId\":\"c1\",\"clientMessageId\":\"m1\",\"body\":\"héllo 👋 \\\"quoted\\\"\\r\\nline\"}";
        FrameCodec.Decoded fromBytes = codec.decode(frame.getBytes(StandardCharsets.UTF_8));
        assertThat(fromBytes).isEqualTo(codec.decode(frame));
        assertThat(((ClientFrame.Send) ((FrameCodec.Frame) fromBytes).frame()).body()).isEqualTo("héllo 👋 \"quoted\"\r\nline");
    }

    @Test
    void the_size_limit_counts_characters_not_bytes() {
        // 40,000 characters, 80,000 bytes: within the limit
        String within = "{\"type\":\"send\",\"id\":\"s1\",\"conversationId\":\"c1\",\"clientMessageId\":\"m1\",\"body\":\"" + "é".repeat(40_000) + "\"}";
        assertThat(within.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(FrameCodec.MAX_FRAME_CHARS);
        assertThat(codec.decode(within.getBytes(StandardCharsets.UTF_8))).isInstanceOf(FrameCodec.Frame.class);

        String beyond = "{\"type\":\"send\",\"body\":\"" + "x".repeat(FrameCodec.MAX_FRAME_CHARS) + "\"}";
        assertThat(codec.decode(beyond.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(FrameCodec.Invalid.class,
            invalid -> assertThat(invalid.error().code()).isEqualTo("frame-too-large"));
    }

    @Test
    void malformed_and_unknown_frames_get_the_same_errors_from_bytes() {
        for (String bad : new String[] {"{\"type\":", "[1,2]", "{\"id\":\"x\"}", "{\"type\":\"nope\",\"id\":\"n1\"}",
            "{\"type\":\"send\",\"id\":\"s1\",\"body\":{\"not\":\"text\"}}", "{\"type\":\"ping\"} trailing"}) {
            assertThat(codec.decode(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isEqualTo(codec.decode(bad));
        }
        assertThat(codec.decode("{\"type\":\"nope\",\"id\":\"n1\"}".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOfSatisfying(FrameCodec.Invalid.class, invalid -> assertThat(invalid.error().code()).isEqualTo("unknown-type"));
    }
}
