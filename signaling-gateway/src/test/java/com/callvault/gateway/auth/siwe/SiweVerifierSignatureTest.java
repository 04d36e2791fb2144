package com.callvault.gateway.auth.siwe;

import static com.callvault.gateway.auth.siwe.SignInFixtures.ADDRESS;
import static com.callvault.gateway.auth.siwe.SignInFixtures.CALLVS;
import static com.callvault.gateway.auth.siwe.SignInFixtures.CLOCK;
import static com.callvault.gateway.auth.siwe.SignInFixtures.OTHER_WALLET;
import static com.callvault.gateway.auth.siwe.SignInFixtures.WALLET;
import static com.callvault.gateway.auth.siwe.SignInFixtures.message;
import static com.callvault.gateway.auth.siwe.SignInFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EIP-191 signature: its encoding, and that it was made by the message's address over the exact text. */
class SiweVerifierSignatureTest {

    private static final String TEXT = message().text();
    private static final String SIGNATURE = sign(TEXT, WALLET);
    private static final String CURVE_ORDER = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    private final SiweVerifier verifier = new SiweVerifier(CALLVS, CLOCK);

    private SignInRejected rejection(String text, String signature) {
        SignInRejected rejected = catchThrowableOfType(SignInRejected.class, () -> verifier.verify(text, signature));
        assertThat(rejected).as("expected a rejection").isNotNull();
        return rejected;
    }

    @Test
    void accepts_the_signature_in_upper_case_hex() {
        assertThat(verifier.verify(TEXT, "0x" + SIGNATURE.substring(2).toUpperCase(Locale.ROOT)).address()).isEqualTo(ADDRESS);
    }

    @Test
    void accepts_v_written_as_27_or_28_and_as_the_bare_recovery_id_0_or_1() {
        Set<String> seenV = new HashSet<>();
        for (int i = 0; i < 8 && seenV.size() < 2; i++) {
            String text = message().nonce("nonce000" + i).text();
            String signature = sign(text, WALLET);
            String v = signature.substring(130);
            seenV.add(v);
            String recoveryId = v.equals("1b") ? "00" : "01";

            assertThat(verifier.verify(text, signature).address()).isEqualTo(ADDRESS);
            assertThat(verifier.verify(text, signature.substring(0, 130) + recoveryId).address()).isEqualTo(ADDRESS);
        }
        assertThat(seenV).containsExactlyInAnyOrder("1b", "1c");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "0x", "not a signature",
            "0x00", // far too short
            "0x0000000000000000000000000000000000000000000000000000000000000001"
                    + "0000000000000000000000000000000000000000000000000000000000000001", // 64 bytes, no v
            "0x000000000000000000000000000000000000000000000000000000000000000100"
                    + "000000000000000000000000000000000000000000000000000000000000000001" + "1b", // 66 bytes
            "0xzz00000000000000000000000000000000000000000000000000000000000001"
                    + "0000000000000000000000000000000000000000000000000000000000000001" + "1b", // not hex
            "0000000000000000000000000000000000000000000000000000000000000001"
                    + "0000000000000000000000000000000000000000000000000000000000000001" + "1b", // no 0x
            "0x0000000000000000000000000000000000000000000000000000000000000001"
                    + "0000000000000000000000000000000000000000000000000000000000000001" + "1d", // v = 29
            "0x0000000000000000000000000000000000000000000000000000000000000001"
                    + "0000000000000000000000000000000000000000000000000000000000000001" + "25", // v = 37 (EIP-155)
            "0x0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000001" + "1b", // r = 0
            "0x0000000000000000000000000000000000000000000000000000000000000001"
                    + CURVE_ORDER + "1c"}) // s = n
    void rejects_a_malformed_signature(String signature) {
        assertThat(rejection(TEXT, signature).reason()).isEqualTo(SignInRejection.SIGNATURE_MALFORMED);
    }

    @Test
    void rejects_a_missing_signature_as_malformed() {
        assertThat(rejection(TEXT, null).reason()).isEqualTo(SignInRejection.SIGNATURE_MALFORMED);
    }

    @Test
    void rejects_a_signature_by_another_key() {
        SignInRejected rejected = rejection(TEXT, sign(TEXT, OTHER_WALLET));

        assertThat(rejected.reason()).isEqualTo(SignInRejection.SIGNATURE_MISMATCH);
        assertThat(rejected.reason().status()).isEqualTo(401);
    }

    @Test
    void rejects_a_signature_that_is_valid_for_a_different_message_text() {
        String tampered = message().statement("Sign in to CallVault and transfer everything").text();

        assertThat(rejection(tampered, SIGNATURE).reason()).isEqualTo(SignInRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void checks_the_signature_over_the_exact_bytes_received_not_a_re_rendering() {
        // The same fields with a trailing newline parse identically, but it is not the text that was signed.
        assertThat(SiweMessageParser.parse(TEXT + "\n")).isEqualTo(SiweMessageParser.parse(TEXT));
        assertThat(rejection(TEXT + "\n", SIGNATURE).reason()).isEqualTo(SignInRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void rejects_a_signature_whose_r_is_no_curve_point_as_a_mismatch_rather_than_failing() {
        // x = 5 is not the x-coordinate of any secp256k1 point (5^3 + 7 is no square mod p), so nothing recovers.
        String signature = "0x0000000000000000000000000000000000000000000000000000000000000005"
                + "0000000000000000000000000000000000000000000000000000000000000001" + "1b";

        assertThat(rejection(TEXT, signature).reason()).isEqualTo(SignInRejection.SIGNATURE_MISMATCH);
    }

    @Test
    void judges_the_message_fields_before_the_signature() {
        String otherDomain = message().domain("evil.com").text();

        assertThat(rejection(otherDomain, sign(otherDomain, OTHER_WALLET)).reason()).isEqualTo(SignInRejection.DOMAIN_MISMATCH);
    }
}
