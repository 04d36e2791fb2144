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

    /** An SDP with every kind of escape, characters of 2, 3 and 4 UTF-8 bytes, and an escaped surrogate pair. */
    static final String SDP_JSON = "v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\ns=\\\"quoted\\\" back\\\\slash \\/ \\b\\f\\t é ✓ 👋 \\u00e9\\ud83d\\udc4b\\u0041\\r\\n";
    static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=\"quoted\" back\\slash / \b\f\t é ✓ 👋 é👋A\r\n";

    @Test
    void a_signals_sdp_read_from_bytes_is_kept_as_sent_and_reads_as_the_same_string() {
        for (String frame : new String[] {
            "{\"type\":\"call.signal\",\"id\":\"s1\",\"callId\":\"call:1\",\"kind\":\"offer\",\"sdp\":\"" + SDP_JSON + "\"}",
            "{ \"type\" : \"call.signal\" , \"sdp\" :\t\"" + SDP_JSON + "\"\n , \"kind\":\"offer\",\"callId\":\"call:1\",\"id\":\"s1\" }",
            // "type" late: Jackson replays the fields before it, and the SDP is read as an ordinary string
            "{\"sdp\":\"" + SDP_JSON + "\",\"kind\":\"offer\",\"callId\":\"call:1\",\"id\":\"s1\",\"type\":\"call.signal\"}"}) {
            FrameCodec.Decoded decoded = codec.decode(frame.getBytes(StandardCharsets.UTF_8));

            ClientFrame.CallSignal signal = (ClientFrame.CallSignal) ((FrameCodec.Frame) decoded).frame();
            assertThat(signal.sdp().text()).as(frame).isEqualTo(SDP);
            assertThat(signal.sdp().length()).isEqualTo(SDP.length());
            assertThat(signal.sdp().isBlank()).isFalse();
            assertThat(signal.kind()).isEqualTo("offer");
            assertThat(decoded).isEqualTo(codec.decode(frame));
        }
    }

    @Test
    void a_relayed_signal_is_written_with_the_senders_escapes_and_reads_back_as_the_same_string() throws Exception {
        String frame = "{\"type\":\"call.signal\",\"callId\":\"call:1\",\"kind\":\"candidate\",\"candidate\":\"" + SDP_JSON
            + "\",\"sdpMid\":\"0\"}";
        ClientFrame.CallSignal signal = (ClientFrame.CallSignal) ((FrameCodec.Frame) codec.decode(frame.getBytes(StandardCharsets.UTF_8))).frame();

        byte[] relayed = codec.encodeBytes(new ServerFrames.CallSignalFrame("call:1", "0xabc", "candidate", signal.sdp(), signal.candidate(),
            signal.sdpMid(), null, null));

        String json = new String(relayed, StandardCharsets.UTF_8);
        assertThat(json).contains("\"candidate\":\"" + SDP_JSON + "\"");
        assertThat(JsonMapper.builder().build().readTree(relayed).path("candidate").asString()).isEqualTo(SDP);
        // a frame made here (not read from a client) is written by Jackson as any string; through text too
        ServerFrames.CallSignalFrame made = new ServerFrames.CallSignalFrame("call:1", "0xabc", "offer", JsonText.of(SDP), null, null, null, null);
        assertThat(JsonMapper.builder().build().readTree(codec.encodeBytes(made)).path("sdp").asString()).isEqualTo(SDP);
        assertThat(JsonMapper.builder().build().readTree(codec.encode(made)).path("sdp").asString()).isEqualTo(SDP);
    }

    @Test
    void an_ill_formed_sdp_string_fails_the_frame_though_it_is_not_unescaped() {
        for (String sdp : new String[] {"v=0\\x", "v=0\\u12", "v=0\u0001raw control", "v=0\\"}) {
            String frame = "{\"type\":\"call.signal\",\"id\":\"s1\",\"callId\":\"call:1\",\"kind\":\"offer\",\"sdp\":\"" + sdp + "\"}";
            assertThat(codec.decode(frame.getBytes(StandardCharsets.UTF_8))).as(sdp).isInstanceOfSatisfying(FrameCodec.Invalid.class,
                invalid -> assertThat(invalid.error().code()).isEqualTo("malformed-frame"));
        }
    }

    @Test
    void bytes_that_are_not_utf8_are_read_as_the_text_reads_them_and_never_relayed_as_they_came() {
        byte[] badUtf8 = "{\"type\":\"call.signal\",\"callId\":\"call:1\",\"kind\":\"offer\",\"sdp\":\"v=0 ?\"}".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 3] = (byte) 0xC3; // a lead byte followed by the closing quote

        ClientFrame.CallSignal signal = (ClientFrame.CallSignal) ((FrameCodec.Frame) codec.decode(badUtf8)).frame();

        assertThat(signal.sdp().text()).isEqualTo("v=0 \uFFFD");
        byte[] relayed = codec.encodeBytes(new ServerFrames.CallSignalFrame("call:1", "0xabc", "offer", signal.sdp(), null, null, null, null));
        assertThat(new String(relayed, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).as("well-formed UTF-8").isEqualTo(relayed);
    }

    @Test
    void empty_and_blank_sdps_are_blank_and_sizes_count_characters() {
        for (String sdp : new String[] {"", "   ", "\\r\\n", " \\t\\u0020"}) {
            String frame = "{\"type\":\"call.signal\",\"kind\":\"offer\",\"sdp\":\"" + sdp + "\",\"callId\":\"call:1\"}";
            ClientFrame.CallSignal signal = (ClientFrame.CallSignal) ((FrameCodec.Frame) codec.decode(frame.getBytes(StandardCharsets.UTF_8))).frame();
            assertThat(signal.sdp().isBlank()).as(sdp).isTrue();
        }
        assertThat(JsonText.of("a\r\né👋").length()).isEqualTo("a\r\né👋".length());
    }
}
