package com.callvault.gateway.auth.siwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Eip55Test {

    // The "all normal" test cases listed in EIP-55 (https://eips.ethereum.org/EIPS/eip-55).
    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void checksums_the_eip55_examples_from_any_case(String checksummed) {
        assertThat(Eip55.checksum(checksummed.toLowerCase(Locale.ROOT))).isEqualTo(checksummed);
        assertThat(Eip55.checksum("0x" + checksummed.substring(2).toUpperCase(Locale.ROOT))).isEqualTo(checksummed);
        assertThat(Eip55.hasValidChecksum(checksummed)).isTrue();
    }

    @Test
    void rejects_a_mixed_case_spelling_with_one_letter_flipped() {
        assertThat(Eip55.hasValidChecksum("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isFalse();
    }

    @Test
    void accepts_single_case_spellings_which_carry_no_checksum() {
        assertThat(Eip55.hasValidChecksum("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isTrue();
        assertThat(Eip55.hasValidChecksum("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"})
    void refuses_what_is_not_a_hex_address(String text) {
        assertThat(Eip55.isHexAddress(text)).isFalse();
        assertThat(Eip55.hasValidChecksum(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Eip55.checksum(text));
    }
}
