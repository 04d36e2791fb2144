package com.callvault.bench.calls;

/**
 * Two sockets that talk to each other: on the app a caller's and a callee's device in one call; on the bare
 * forwarder the two sides of {@code pair=N}. Holds the prepared signal frames: each is a template with a
 * 19-digit slot for the send time ({@code System.nanoTime()}), written into the {@code candidate} or
 * {@code sdp} text (the relay copies only the known fields), after the marker {@code xbts} and a class letter
 * ({@code c} candidate, {@code o} offer).
 */
final class Pair {

    /** One socket of a pair. */
    record End(Pair pair, boolean caller) {
        Socket socket() {
            return caller ? pair.a : pair.b;
        }

        Socket peer() {
            return caller ? pair.b : pair.a;
        }
    }

    static final String MARKER = "xbts";
    private static final String SLOT = "@".repeat(19);

    final int index;
    final String target;
    Socket a;
    Socket b;
    final End callerEnd;
    final End calleeEnd;
    // the app only: who, and the call
    String callerToken;
    String calleeToken;
    String callerAddress;
    String calleeAddress;
    volatile String callId;
    // call set-up state (CallDriver)
    int seq;
    volatile long invitedAt;
    volatile boolean established;
    volatile boolean failed;
    private String[] candidate;
    private String[] offer;

    Pair(String target, int index) {
        this.target = target;
        this.index = index;
        this.callerEnd = new End(this, true);
        this.calleeEnd = new End(this, false);
    }

    /** Prepares the frames for {@code callId} (the bare forwarder gets a made-up one of the same length). */
    void frames(String callId, int candidateBytes, int offerBytes) {
        candidate = split(candidateFrame(callId, candidateBytes));
        offer = split(offerFrame(callId, offerBytes));
    }

    /** A signal frame of class {@code c} (candidate) or {@code o} (offer), stamped with {@code nanos}. */
    String frame(char kind, long nanos) {
        String[] t = kind == 'o' ? offer : candidate;
        char[] digits = new char[19];
        long v = nanos;
        for (int i = 18; i >= 0; i--) {
            digits[i] = (char) ('0' + (v % 10));
            v /= 10;
        }
        return t[0].concat(new String(digits)).concat(t[1]);
    }

    /** The stamp in a received frame, or -1; {@code text.charAt(at + 4)} is its class. */
    static int markerAt(String text) {
        return text.indexOf(MARKER);
    }

    static long stamp(String text, int at) {
        long v = 0;
        for (int i = at + 5; i < at + 24; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    static String fakeCallId(int index) {
        return String.format("call:00000000-0000-7000-8000-%012d", index);
    }

    private static String[] split(String frame) {
        int at = frame.indexOf(SLOT);
        return new String[] {frame.substring(0, at), frame.substring(at + SLOT.length())};
    }

    /** A host/srflx ICE candidate line padded so that the whole client frame is {@code bytes} long. */
    static String candidateFrame(String callId, int bytes) {
        String head = "{\"type\":\"call.signal\",\"callId\":\"" + callId + "\",\"kind\":\"candidate\",\"candidate\":\"candidate:842163049 1 udp"
            + " 1677729535 203.0.113.7 54321 typ srflx raddr 10.0.0.1 rport 54321 generation 0 ufrag Xy7z network-id 1 network-cost 10 "
            + MARKER + "c" + SLOT + " ";
        String tail = "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}";
        int pad = Math.max(0, bytes - head.length() - tail.length());
        return head + "x".repeat(pad) + tail;
    }

    /** An audio+video SDP offer padded so that the whole client frame (JSON-escaped CRLFs included) is {@code bytes} long. */
    static String offerFrame(String callId, int bytes) {
        StringBuilder sdp = new StringBuilder()
            .append("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=").append(MARKER).append('o').append(SLOT).append("\r\n")
            .append("t=0 0\r\na=group:BUNDLE 0 1\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS stream\r\n");
        String[] media = {"audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107"};
        for (int m = 0; m < media.length; m++) {
            sdp.append("m=").append(media[m]).append("\r\nc=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\na=ice-ufrag:Xy7z\r\n")
                .append("a=ice-pwd:4n2OpKyBdEBTxoJPNYbb4qQ8\r\na=ice-options:trickle\r\n")
                .append("a=fingerprint:sha-256 3C:4A:9F:1E:6B:22:8D:77:0A:5C:E1:93:4F:0B:6D:2E:91:C8:47:AA:12:BF:30:65:D9:8E:74:03:F6:5B:C2:19\r\n")
                .append("a=setup:actpass\r\na=mid:").append(m).append("\r\na=sendrecv\r\na=msid:stream track").append(m).append("\r\na=rtcp-mux\r\n")
                .append("a=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n")
                .append("a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 goog-remb\r\na=rtcp-fb:96 ccm fir\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n")
                .append("a=ssrc:1001 cname:bench\r\n");
        }
        String head = "{\"type\":\"call.signal\",\"callId\":\"" + callId + "\",\"kind\":\"offer\",\"sdp\":";
        String tail = "}";
        String without = head + Json.quote(sdp + "a=x-pad:\r\n") + tail;
        int pad = Math.max(0, bytes - without.length());
        return head + Json.quote(sdp + "a=x-pad:" + "x".repeat(pad) + "\r\n") + tail;
    }
}
