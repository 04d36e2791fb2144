package com.callvault.gateway.ice.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framing rules of RFC 5389 §6 and §15 that the decoder enforces, and the type bits of every class. */
class StunMessageTest {

    @Test
    void method_and_class_survive_the_interleaved_type_bits() {
        for (int method : List.of(StunMethod.BINDING, StunMethod.ALLOCATE, StunMethod.REFRESH, StunMethod.CHANNEL_BIND, 0xFFF)) {
            for (StunClass messageClass : StunClass.values()) {
                StunMessage message = new StunMessage(method, messageClass, new byte[12], List.of());
                StunMessage decoded = StunMessage.decode(message.encode(null, false));
                assertThat(decoded.method()).isEqualTo(method);
                assertThat(decoded.messageClass()).isEqualTo(messageClass);
            }
        }
        assertThat(StunMessage.messageType(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE)).isEqualTo(0x0113);
        assertThat(StunMessage.messageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)).isEqualTo(0x0101);
    }

    @Test
    void attributes_are_padded_to_four_bytes_and_read_back_without_padding() {
        StunMessage message = StunMessage.request(StunMethod.BINDING, List.of(
            StunAttribute.text(AttributeType.SOFTWARE, "abcde"), StunAttribute.text(AttributeType.REALM, "")));

        byte[] bytes = message.encode(null, false);

        assertThat(bytes).hasSize(20 + 4 + 8 + 4);
        assertThat(StunMessage.decode(bytes)).isEqualTo(message);
    }

    @Test
    void error_codes_round_trip() {
        ErrorCode error = new ErrorCode(438, "Stale Nonce");
        StunMessage message = new StunMessage(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE, new byte[12], List.of(error.toAttribute()));

        assertThat(StunMessage.decode(message.encode(null, false)).errorCode()).hasValue(error);
    }

    @Test
    void malformed_messages_are_refused() {
        byte[] good = Rfc5769VectorsTest.RESPONSE_IPV4;

        assertThatThrownBy(() -> StunMessage.decode(Arrays.copyOf(good, 19))).isInstanceOf(StunFormatException.class);
        assertThatThrownBy(() -> StunMessage.decode(Arrays.copyOf(good, good.length - 4)))
            .isInstanceOf(StunFormatException.class).hasMessageContaining("announces");
        byte[] noCookie = good.clone();
        noCookie[4] = 0;
        assertThatThrownBy(() -> StunMessage.decode(noCookie)).hasMessageContaining("magic cookie");
        byte[] channelData = good.clone();
        channelData[0] = 0x40;
        assertThatThrownBy(() -> StunMessage.decode(channelData)).hasMessageContaining("first two bits");
        byte[] overlong = good.clone();
        overlong[23] = (byte) 0xFF; // SOFTWARE claims 255 bytes
        assertThatThrownBy(() -> StunMessage.decode(overlong)).hasMessageContaining("runs past the end");
    }

    @Test
    void attributes_never_print_their_values() {
        assertThat(StunAttribute.text(AttributeType.USERNAME, "1700000000:secret-user").toString())
            .isEqualTo("USERNAME(22 bytes)");
    }
}
