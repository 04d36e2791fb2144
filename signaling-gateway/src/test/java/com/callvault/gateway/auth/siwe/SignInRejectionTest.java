package com.callvault.gateway.auth.siwe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignInRejectionTest {

    @Test
    void codes_are_stable_lower_kebab_names() {
        assertThat(SignInRejection.MESSAGE_NOT_YET_VALID.code()).isEqualTo("message-not-yet-valid");
        assertThat(SignInRejection.values()).allSatisfy(r -> assertThat(r.code()).matches("[a-z]+(-[a-z]+)*"));
        assertThat(Arrays.stream(SignInRejection.values()).map(SignInRejection::code).distinct()).hasSize(SignInRejection.values().length);
    }

    @Test
    void maps_unreadable_input_to_400_unacceptable_fields_to_422_and_failed_credentials_to_401() {
        assertThat(SignInRejection.MESSAGE_MALFORMED.status()).isEqualTo(400);
        assertThat(SignInRejection.SIGNATURE_MALFORMED.status()).isEqualTo(400);
        assertThat(SignInRejection.DOMAIN_MISMATCH.status()).isEqualTo(422);
        assertThat(SignInRejection.MESSAGE_EXPIRED.status()).isEqualTo(422);
        assertThat(SignInRejection.SIGNATURE_MISMATCH.status()).isEqualTo(401);
        assertThat(SignInRejection.NONCE_USED.status()).isEqualTo(401);
        assertThat(SignInRejection.values()).allSatisfy(r -> assertThat(r.title()).isNotBlank());
    }

    @Test
    void a_rejection_carries_its_reason_and_detail_without_a_stack_trace() {
        SignInRejected rejected = new SignInRejected(SignInRejection.NONCE_USED, "nonce k7Qp2mXz9RtB was already used");

        assertThat(rejected.reason()).isEqualTo(SignInRejection.NONCE_USED);
        assertThat(rejected.getMessage()).isEqualTo(rejected.detail()).isEqualTo("nonce k7Qp2mXz9RtB was already used");
        assertThat(rejected.getStackTrace()).isEmpty();
    }
}
