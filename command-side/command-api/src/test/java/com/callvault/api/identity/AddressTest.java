package com.callvault.api.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    // the test vectors of EIP-55
    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0xde709f2102306220921060314715629080e2fb77"
    })
    void lower_case_input_is_checksummed_as_eip55_says(String expected) {
        assertThat(Address.of(expected.toLowerCase(Locale.ROOT)).value()).isEqualTo(expected);
        assertThat(Address.of(expected).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "0xfb6916095CA1df60bB79Ce92cE3Ea74c37c5d359"})
    void mixed_case_with_a_wrong_checksum_is_refused(String wrong) {
        assertThatIllegalArgumentException().isThrownBy(() -> Address.of(wrong)).withMessageContaining("EIP-55");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"})
    void anything_but_0x_and_40_hex_digits_is_refused(String bad) {
        assertThatIllegalArgumentException().isThrownBy(() -> Address.of(bad));
    }

    @org.junit.jupiter.api.Test
    void addresses_in_either_case_are_equal() {
        assertThat(Address.of("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"))
            .isEqualTo(Address.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }
}
