package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7064/7065 URIs as browsers take them in {@code RTCIceServer.urls}. */
class IceUriTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        stun:stun.l.google.com:19302       | stun  | stun.l.google.com | 19302 |     | udp | stun:stun.l.google.com:19302
        stun:callvs.com                    | stun  | callvs.com        | 3478  |     | udp | stun:callvs.com
        STUNS:callvs.com:443               | stuns | callvs.com        | 443   |     | tcp | stuns:callvs.com:443
        turn:callvs.com:3478               | turn  | callvs.com        | 3478  |     | udp | turn:callvs.com:3478
        turn:callvs.com:3478?transport=tcp | turn  | callvs.com        | 3478  | tcp | tcp | turn:callvs.com:3478?transport=tcp
        turn:157.180.117.221?transport=UDP | turn  | 157.180.117.221   | 3478  | udp | udp | turn:157.180.117.221?transport=udp
        turns:turn.callvs.com              | turns | turn.callvs.com   | 5349  |     | tcp | turns:turn.callvs.com
        turn:[2001:db8::1]:3478            | turn  | 2001:db8::1       | 3478  |     | udp | turn:[2001:db8::1]:3478
        """)
    void well_formed_uris_parse(String value, String scheme, String host, int port, String transport, String effectiveTransport,
                                String canonical) {
        IceUri uri = IceUri.parse(value, "TURN_URLS");

        assertThat(uri.scheme()).isEqualTo(scheme);
        assertThat(uri.host()).isEqualTo(host);
        assertThat(uri.effectivePort()).isEqualTo(port);
        assertThat(uri.transport()).isEqualTo(transport);
        assertThat(uri.effectiveTransport()).isEqualTo(effectiveTransport);
        assertThat(uri).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"callvs.com:3478", "http://callvs.com", "turn://callvs.com:3478", "turn:", "turn::3478",
        "turn:callvs.com:0", "turn:callvs.com:65536", "turn:callvs.com:34x", "turn:callvs.com?transport=sctp",
        "turn:callvs.com?foo=bar", "stun:callvs.com?transport=udp", "turn:2001:db8::1", "turn:[2001:db8::1",
        "turn:[nothex]:3478", "turn:user@callvs.com", "turn:callvs.com/path", "turn:300.1.1.1", "turn:-bad-.com"})
    void malformed_uris_are_refused_naming_the_variable(String value) {
        assertThatThrownBy(() -> IceUri.parse(value, "TURN_URLS"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("TURN_URLS holds an invalid URI '" + value + "'");
    }
}
