package com.callvault.gateway.auth.siwe;

import static com.callvault.gateway.auth.siwe.SignInFixtures.ADDRESS;
import static com.callvault.gateway.auth.siwe.SignInFixtures.CALLVS;
import static com.callvault.gateway.auth.siwe.SignInFixtures.CLOCK;
import static com.callvault.gateway.auth.siwe.SignInFixtures.NOW;
import static com.callvault.gateway.auth.siwe.SignInFixtures.WALLET;
import static com.callvault.gateway.auth.siwe.SignInFixtures.message;
import static com.callvault.gateway.auth.siwe.SignInFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The relying-party rules: which site, chain and time window a correctly signed message must name. */
class SiweVerifierTest {

    private final SiweVerifier verifier = new SiweVerifier(CALLVS, CLOCK);

    private VerifiedMessage verify(SignInFixtures.Builder builder) {
        String text = builder.text();
        return verifier.verify(text, sign(text, WALLET));
    }

    private SignInRejection rejectionOf(SignInFixtures.Builder builder) {
        SignInRejected rejected = catchThrowableOfType(SignInRejected.class, () -> verify(builder));
        assertThat(rejected).as("expected a rejection").isNotNull();
        return rejected.reason();
    }

    @Test
    void accepts_a_valid_sign_in_and_returns_the_checksummed_address() {
        VerifiedMessage verified = verify(message());

        assertThat(verified.address()).isEqualTo(ADDRESS);
        assertThat(verified.message().nonce()).isEqualTo("k7Qp2mXz9RtB");
    }

    @Test
    void returns_the_checksummed_address_when_the_message_spells_it_in_lower_case() {
        VerifiedMessage verified = verify(message().address(ADDRESS.toLowerCase(Locale.ROOT)));

        assertThat(verified.address()).isEqualTo(ADDRESS);
        assertThat(verified.message().address()).isEqualTo(ADDRESS.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CallVS.com", "callvs.com:443"})
    void accepts_the_domain_in_any_case_and_with_its_default_port(String domain) {
        assertThat(verify(message().domain(domain)).address()).isEqualTo(ADDRESS);
    }

    @Test
    void accepts_a_matching_explicit_scheme_and_any_path_on_our_origin() {
        assertThat(verify(message().scheme("https").uri("https://CALLVS.com:443/deep/link?x=1")).address()).isEqualTo(ADDRESS);
    }

    @Test
    void accepts_a_local_development_relying_party_on_a_port() {
        RelyingParty local = RelyingParty.forPublicUrl(URI.create("http://localhost:8080"), Set.of(31337L));
        String text = message().scheme("http").domain("localhost:8080").uri("http://localhost:8080/").chainId(31337).text();

        assertThat(new SiweVerifier(local, CLOCK).verify(text, sign(text, WALLET)).address()).isEqualTo(ADDRESS);
    }

    @Test
    void does_not_judge_the_nonce_which_is_left_to_the_caller() {
        assertThat(verify(message().nonce("AAAAAAAA")).message().nonce()).isEqualTo("AAAAAAAA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.com", "callvs.com.evil.com", "callvs.com:8443", "user@callvs.com", "www.callvs.com"})
    void rejects_a_message_for_another_domain(String domain) {
        assertThat(rejectionOf(message().domain(domain))).isEqualTo(SignInRejection.DOMAIN_MISMATCH);
    }

    @Test
    void rejects_a_message_for_another_scheme() {
        assertThat(rejectionOf(message().scheme("http"))).isEqualTo(SignInRejection.SCHEME_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.com/sign-in", "http://callvs.com/sign-in", "https://callvs.com:8443/",
            "https://callvs.com.evil.com/", "https://user@callvs.com/", "urn:callvs:sign-in"})
    void rejects_a_uri_on_another_origin(String uri) {
        assertThat(rejectionOf(message().uri(uri))).isEqualTo(SignInRejection.URI_MISMATCH);
    }

    @Test
    void rejects_an_unsupported_version() {
        assertThat(rejectionOf(message().version("2"))).isEqualTo(SignInRejection.VERSION_UNSUPPORTED);
    }

    @Test
    void rejects_a_chain_that_is_not_allowed() {
        assertThat(verify(message().chainId(8453)).message().chainId()).isEqualTo(8453L);
        assertThat(rejectionOf(message().chainId(5))).isEqualTo(SignInRejection.CHAIN_NOT_ALLOWED);
    }

    @Test
    void rejects_a_message_issued_in_the_future_beyond_the_clock_skew() {
        assertThat(verify(message().issuedAt(NOW.plusSeconds(60))).address()).isEqualTo(ADDRESS);
        assertThat(rejectionOf(message().issuedAt(NOW.plusSeconds(61)))).isEqualTo(SignInRejection.ISSUED_IN_FUTURE);
    }

    @Test
    void rejects_a_message_issued_too_long_ago() {
        assertThat(verify(message().issuedAt(NOW.minusSeconds(600 + 60))).address()).isEqualTo(ADDRESS);
        assertThat(rejectionOf(message().issuedAt(NOW.minusSeconds(600 + 61)))).isEqualTo(SignInRejection.MESSAGE_EXPIRED);
    }

    @Test
    void rejects_a_message_past_its_expiration_time() {
        assertThat(verify(message().expirationTime(NOW.minusSeconds(59))).address()).isEqualTo(ADDRESS);
        assertThat(rejectionOf(message().expirationTime(NOW.minusSeconds(60)))).isEqualTo(SignInRejection.MESSAGE_EXPIRED);
        assertThat(rejectionOf(message().expirationTime(NOW.minusSeconds(3600)))).isEqualTo(SignInRejection.MESSAGE_EXPIRED);
    }

    @Test
    void rejects_a_message_that_is_not_valid_yet() {
        assertThat(verify(message().notBefore(NOW.plusSeconds(60))).address()).isEqualTo(ADDRESS);
        assertThat(rejectionOf(message().notBefore(NOW.plusSeconds(61)))).isEqualTo(SignInRejection.MESSAGE_NOT_YET_VALID);
    }

    @Test
    void passes_on_the_parser_rejections() {
        assertThat(rejectionOf(message().nonce("short"))).isEqualTo(SignInRejection.MESSAGE_MALFORMED);
        assertThat(rejectionOf(message().address("0x2C7536E3605D9C16a7a3D7b1898e529396a65c23")))
                .isEqualTo(SignInRejection.ADDRESS_INVALID);
    }
}
