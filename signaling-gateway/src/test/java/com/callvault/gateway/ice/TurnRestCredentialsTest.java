package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TURN REST credential scheme, against values computed independently with OpenSSL:
 * {@code printf %s '1700000000:alice' | openssl dgst -sha1 -hmac north-secret-for-tests -binary | base64} and
 * {@code printf %s <address> | openssl dgst -sha256 -hmac north-secret-for-tests}. That coturn accepts them is proven
 * by {@link CoturnAcceptsOurCredentialsTest}.
 */
class TurnRestCredentialsTest {

    static final String SECRET = "north-secret-for-tests";
    static final String ADDRESS = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";

    @Test
    void the_password_is_base64_of_hmac_sha1_of_the_username() {
        assertThat(TurnRestCredentials.password(SECRET, "1700000000:alice")).isEqualTo("Asr87Ftag930Ef0VC2qLUkBSD2U=");
    }

    @Test
    void the_user_part_is_a_pseudonym_of_the_lower_case_address() {
        TurnRestCredentials credentials = new TurnRestCredentials(List.of(SECRET), "", Duration.ofHours(1));

        assertThat(credentials.userPart(ADDRESS)).isEqualTo("edc36d68a02dc5d7");
        assertThat(credentials.userPart(ADDRESS.toLowerCase())).isEqualTo("edc36d68a02dc5d7");
        assertThat(new TurnRestCredentials(List.of(SECRET), "cv-", Duration.ofHours(1)).userPart(ADDRESS)).isEqualTo("cv-edc36d68a02dc5d7");
        assertThat(new TurnRestCredentials(List.of("another-secret-for-tests"), "", Duration.ofHours(1)).userPart(ADDRESS))
            .isNotEqualTo("edc36d68a02dc5d7");
    }

    @Test
    void the_username_carries_the_expiry_now_plus_ttl_rounded_down_to_the_second() {
        TurnRestCredentials credentials = new TurnRestCredentials(List.of(SECRET, "older-secret-for-tests"), "", Duration.ofHours(1));

        TurnCredential credential = credentials.issue(ADDRESS, Instant.parse("2023-11-14T21:13:20.750Z"));

        assertThat(credential.expiresAt()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(credential.username()).isEqualTo("1700000000:edc36d68a02dc5d7");
        assertThat(credential.credential()).isEqualTo(TurnRestCredentials.password(SECRET, credential.username()));
        assertThat(credential.toString()).doesNotContain(credential.credential());
    }

    @Test
    void the_first_secret_signs() {
        TurnCredential first = new TurnRestCredentials(List.of(SECRET, "older-secret-for-tests"), "", Duration.ofMinutes(10))
            .issue(ADDRESS, Instant.ofEpochSecond(1_699_999_400L));

        assertThat(first.username()).isEqualTo("1700000000:edc36d68a02dc5d7");
        assertThat(first.credential()).isEqualTo(TurnRestCredentials.password(SECRET, "1700000000:edc36d68a02dc5d7"));
    }
}
