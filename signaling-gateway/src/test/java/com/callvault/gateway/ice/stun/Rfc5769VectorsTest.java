package com.callvault.gateway.ice.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of RFC 5769 ("Test Vectors for STUN"), byte for byte: our decoder reads them, our MESSAGE-INTEGRITY
 * and FINGERPRINT checks accept them (and refuse them after one flipped byte), and our encoder reproduces the
 * long-term-credential request of §2.4 exactly.
 */
class Rfc5769VectorsTest {

    /** §2.1: a Binding request with short-term credentials (username "evtj:h6vY"). */
    static final byte[] REQUEST = hex("""
        00010058 2112a442 b7e7a701 bc34d686 fa87dfae 80220010 5354554e 20746573 7420636c 69656e74 00240004 6e0001ff
        80290008 932ff9b1 51263b36 00060009 6576746a 3a683676 59202020 00080014 9aeaa70c bfd8cb56 781ef2b5 b2d3f249
        c1b571a2 80280004 e57a3bcf""");

    /** §2.2: a Binding success response, IPv4 XOR-MAPPED-ADDRESS 192.0.2.1:32853. */
    static final byte[] RESPONSE_IPV4 = hex("""
        0101003c 2112a442 b7e7a701 bc34d686 fa87dfae 8022000b 74657374 20766563 746f7220 00200008 0001a147 e112a643
        00080014 2b91f599 fd9e90c3 8c7489f9 2af9ba53 f06be7d7 80280004 c07d4c96""");

    /** §2.3: the same with IPv6 address 2001:db8:1234:5678:11:2233:4455:6677 port 32853. */
    static final byte[] RESPONSE_IPV6 = hex("""
        01010048 2112a442 b7e7a701 bc34d686 fa87dfae 8022000b 74657374 20766563 746f7220 00200014 0002a147 0113a9fa
        a5d3f179 bc25f4b5 bed2b9d9 00080014 a382954e 4be67bf1 1784c97c 8292c275 bfe3ed41 80280004 c8fb0b4c""");

    /** §2.4: a Binding request with long-term credentials, no FINGERPRINT. */
    static final byte[] REQUEST_LONG_TERM = hex("""
        00010060 2112a442 78ad3433 c6ad72c0 29da412e 00060012 e3839ee3 8388e383 aae38383 e382afe3 82b90000 0015001c
        662f2f34 39396b39 35346436 4f4c3334 6f4c3946 53547679 36347341 0014000b 6578616d 706c652e 6f726700 00080014
        f6702465 6dd64a3e 02b8e071 2e85c9a2 8ca89666""");

    static final byte[] SHORT_TERM_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final String LONG_TERM_USERNAME = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9"; // "matorikkusu" in katakana
    static final String LONG_TERM_PASSWORD = "The\u00ADM\u00AAtr\u2168"; // SASLprep makes it "TheMatrIX"
    static final String NONCE = "f//499k954d6OL34oL9FSTvy64sA";
    static final String REALM = "example.org";

    @Test
    void the_sample_request_decodes_and_its_integrity_and_fingerprint_check_out() {
        StunMessage message = StunMessage.decode(REQUEST);

        assertThat(message.method()).isEqualTo(StunMethod.BINDING);
        assertThat(message.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(message.transactionId()).isEqualTo(hex("b7e7a701 bc34d686 fa87dfae"));
        assertThat(message.attributes()).extracting(StunAttribute::type).containsExactly(AttributeType.SOFTWARE,
            AttributeType.PRIORITY, AttributeType.ICE_CONTROLLED, AttributeType.USERNAME, AttributeType.MESSAGE_INTEGRITY,
            AttributeType.FINGERPRINT);
        assertThat(message.text(AttributeType.SOFTWARE)).hasValue("STUN test client");
        assertThat(message.text(AttributeType.USERNAME)).hasValue("evtj:h6vY");
        assertThat(message.attribute(AttributeType.PRIORITY).orElseThrow().asUnsignedInt()).isEqualTo(0x6e0001ffL);
        assertThat(MessageIntegrity.verify(REQUEST, SHORT_TERM_PASSWORD)).isTrue();
        assertThat(Fingerprint.verify(REQUEST)).isTrue();
    }

    @Test
    void the_sample_responses_decode_to_their_mapped_addresses() throws Exception {
        StunMessage v4 = StunMessage.decode(RESPONSE_IPV4);
        StunMessage v6 = StunMessage.decode(RESPONSE_IPV6);

        assertThat(v4.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(v4.text(AttributeType.SOFTWARE)).hasValue("test vector");
        assertThat(v4.xorAddress(AttributeType.XOR_MAPPED_ADDRESS))
            .hasValue(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(v6.xorAddress(AttributeType.XOR_MAPPED_ADDRESS))
            .hasValue(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        for (byte[] response : List.of(RESPONSE_IPV4, RESPONSE_IPV6)) {
            assertThat(MessageIntegrity.verify(response, SHORT_TERM_PASSWORD)).isTrue();
            assertThat(Fingerprint.verify(response)).isTrue();
        }
    }

    @Test
    void xor_addresses_encode_back_to_the_sample_bytes() throws Exception {
        byte[] transactionId = hex("b7e7a701 bc34d686 fa87dfae");

        assertThat(AddressAttribute.encodeXor(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853), transactionId))
            .isEqualTo(hex("0001a147 e112a643"));
        assertThat(AddressAttribute.encodeXor(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
            transactionId)).isEqualTo(hex("0002a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9"));
    }

    @Test
    void the_long_term_credential_request_is_reproduced_byte_for_byte() {
        byte[] key = LongTermKey.of(LONG_TERM_USERNAME, REALM, LONG_TERM_PASSWORD);
        StunMessage request = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, hex("78ad3433 c6ad72c0 29da412e"), List.of(
            StunAttribute.text(AttributeType.USERNAME, LONG_TERM_USERNAME),
            StunAttribute.text(AttributeType.NONCE, NONCE),
            StunAttribute.text(AttributeType.REALM, REALM)));

        assertThat(request.encode(key, false)).isEqualTo(REQUEST_LONG_TERM);
        assertThat(MessageIntegrity.verify(REQUEST_LONG_TERM, key)).isTrue();
        assertThat(StunMessage.decode(REQUEST_LONG_TERM)).isEqualTo(new StunMessage(request.method(), request.messageClass(),
            request.transactionId(), append(request.attributes(),
                new StunAttribute(AttributeType.MESSAGE_INTEGRITY, hex("f6702465 6dd64a3e 02b8e071 2e85c9a2 8ca89666")))));
    }

    @Test
    void the_long_term_key_uses_the_sasl_prepared_password() {
        assertThat(SaslPrep.prepare(LONG_TERM_PASSWORD)).isEqualTo("TheMatrIX");
        assertThat(LongTermKey.of(LONG_TERM_USERNAME, REALM, LONG_TERM_PASSWORD))
            .isEqualTo(LongTermKey.of(LONG_TERM_USERNAME, REALM, "TheMatrIX"));
    }

    @Test
    void one_changed_byte_fails_integrity_and_fingerprint() {
        byte[] request = REQUEST.clone();
        request[27] = 23; // inside SOFTWARE, as in coturn's negative checks
        byte[] longTerm = REQUEST_LONG_TERM.clone();
        longTerm[32] = 10;

        assertThat(Fingerprint.verify(request)).isFalse();
        assertThat(MessageIntegrity.verify(request, SHORT_TERM_PASSWORD)).isFalse();
        assertThat(MessageIntegrity.verify(REQUEST, "wrong".getBytes())).isFalse();
        assertThat(MessageIntegrity.verify(longTerm, LongTermKey.of(LONG_TERM_USERNAME, REALM, LONG_TERM_PASSWORD))).isFalse();
        assertThat(Fingerprint.verify(REQUEST_LONG_TERM)).as("no FINGERPRINT at all").isFalse();
    }

    @Test
    void what_we_encode_with_integrity_and_fingerprint_verifies_and_decodes_to_the_same_message() {
        StunMessage request = StunMessage.request(StunMethod.ALLOCATE, List.of(
            StunAttribute.unsignedInt(AttributeType.REQUESTED_TRANSPORT, 17L << 24),
            StunAttribute.text(AttributeType.USERNAME, "1700000000:abc"),
            StunAttribute.text(AttributeType.REALM, "callvault.test")));
        byte[] key = LongTermKey.of("1700000000:abc", "callvault.test", "secret");

        byte[] bytes = request.encode(key, true);

        assertThat(bytes.length % 4).isZero();
        assertThat(MessageIntegrity.verify(bytes, key)).isTrue();
        assertThat(Fingerprint.verify(bytes)).isTrue();
        StunMessage decoded = StunMessage.decode(bytes);
        assertThat(decoded.method()).isEqualTo(StunMethod.ALLOCATE);
        assertThat(decoded.attributes().subList(0, 3)).isEqualTo(request.attributes());
        assertThat(decoded.attributes()).extracting(StunAttribute::type).endsWith(AttributeType.MESSAGE_INTEGRITY, AttributeType.FINGERPRINT);
    }

    static byte[] hex(String groups) {
        return HexFormat.of().parseHex(groups.replaceAll("\\s+", ""));
    }

    private static List<StunAttribute> append(List<StunAttribute> attributes, StunAttribute last) {
        List<StunAttribute> all = new java.util.ArrayList<>(attributes);
        all.add(last);
        return all;
    }
}
