package com.callvault.gateway.auth.siwe;

import static com.callvault.gateway.auth.siwe.SignInFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiweMessageParserTest {

    // The examples of ERC-4361 (https://eips.ethereum.org/EIPS/eip-4361#examples), verbatim.
    static final String SPEC_EXAMPLE = """
            example.com wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            I accept the ExampleOrg Terms of Service: https://example.com/tos

            URI: https://example.com/login
            Version: 1
            Chain ID: 1
            Nonce: 32891756
            Issued At: 2021-09-30T16:25:24Z
            Resources:
            - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
            - https://example.com/my-web2-claim.json""";

    @Test
    void parses_the_specification_example_into_every_field() {
        SiweMessage parsed = SiweMessageParser.parse(SPEC_EXAMPLE);

        assertThat(parsed.scheme()).isNull();
        assertThat(parsed.domain()).isEqualTo("example.com");
        assertThat(parsed.address()).isEqualTo("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
        assertThat(parsed.statement()).isEqualTo("I accept the ExampleOrg Terms of Service: https://example.com/tos");
        assertThat(parsed.uri()).isEqualTo("https://example.com/login");
        assertThat(parsed.version()).isEqualTo("1");
        assertThat(parsed.chainId()).isEqualTo(1L);
        assertThat(parsed.nonce()).isEqualTo("32891756");
        assertThat(parsed.issuedAt()).isEqualTo(Instant.parse("2021-09-30T16:25:24Z"));
        assertThat(parsed.expirationTime()).isNull();
        assertThat(parsed.notBefore()).isNull();
        assertThat(parsed.requestId()).isNull();
        assertThat(parsed.resources()).containsExactly(
                "ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
                "https://example.com/my-web2-claim.json");
    }

    @Test
    void parses_the_specification_examples_with_an_explicit_port_and_an_explicit_scheme() {
        SiweMessage withPort = SiweMessageParser.parse(SPEC_EXAMPLE.replace("example.com wants", "example.com:3388 wants"));
        SiweMessage withScheme = SiweMessageParser.parse(SPEC_EXAMPLE.replace("example.com wants", "https://example.com wants"));

        assertThat(withPort.domain()).isEqualTo("example.com:3388");
        assertThat(withPort.scheme()).isNull();
        assertThat(withScheme.scheme()).isEqualTo("https");
        assertThat(withScheme.domain()).isEqualTo("example.com");
    }

    @Test
    void parses_a_message_without_any_optional_field() {
        String text = """
                service.org wants you to sign in with your Ethereum account:
                0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2


                URI: https://service.org/login
                Version: 1
                Chain ID: 1
                Nonce: 32891757
                Issued At: 2021-09-30T16:25:24.000Z""";

        SiweMessage parsed = SiweMessageParser.parse(text);

        assertThat(parsed.statement()).isNull();
        assertThat(parsed.scheme()).isNull();
        assertThat(parsed.expirationTime()).isNull();
        assertThat(parsed.notBefore()).isNull();
        assertThat(parsed.requestId()).isNull();
        assertThat(parsed.resources()).isEmpty();
        assertThat(parsed.issuedAt()).isEqualTo(Instant.parse("2021-09-30T16:25:24Z"));
    }

    @Test
    void parses_a_message_with_every_optional_field() {
        String text = """
                https://callvs.com:8443 wants you to sign in with your Ethereum account:
                0x2c7536E3605D9C16a7a3D7b1898e529396a65c23

                Sign in to CallVault

                URI: https://callvs.com:8443/sign-in?from=app#top
                Version: 1
                Chain ID: 8453
                Nonce: Ab12Cd34Ef56
                Issued At: 2025-05-01T13:59:30.250+02:00
                Expiration Time: 2025-05-01t12:10:00z
                Not Before: 2025-05-01T11:59:00Z
                Request ID: req-42:a@b%20c
                Resources:
                - https://callvs.com/terms
                - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/""";

        SiweMessage parsed = SiweMessageParser.parse(text);

        assertThat(parsed.scheme()).isEqualTo("https");
        assertThat(parsed.domain()).isEqualTo("callvs.com:8443");
        assertThat(parsed.uri()).isEqualTo("https://callvs.com:8443/sign-in?from=app#top");
        assertThat(parsed.chainId()).isEqualTo(8453L);
        assertThat(parsed.issuedAt()).isEqualTo(Instant.parse("2025-05-01T11:59:30.250Z"));
        assertThat(parsed.expirationTime()).isEqualTo(Instant.parse("2025-05-01T12:10:00Z"));
        assertThat(parsed.notBefore()).isEqualTo(Instant.parse("2025-05-01T11:59:00Z"));
        assertThat(parsed.requestId()).isEqualTo("req-42:a@b%20c");
        assertThat(parsed.resources()).hasSize(2).first().isEqualTo("https://callvs.com/terms");
    }

    @Test
    void tells_an_empty_statement_apart_from_a_missing_one() {
        String none = message().statement(null).text();
        String empty = message().statement("").text();

        assertThat(empty).contains("\n\n\n\nURI: ").isNotEqualTo(none);
        assertThat(SiweMessageParser.parse(none).statement()).isNull();
        assertThat(SiweMessageParser.parse(empty).statement()).isEmpty();
    }

    @Test
    void tolerates_a_single_trailing_newline() {
        assertThat(SiweMessageParser.parse(SPEC_EXAMPLE + "\n")).isEqualTo(SiweMessageParser.parse(SPEC_EXAMPLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2",
            "0xC02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2"})
    void accepts_a_single_case_address_which_carries_no_checksum(String address) {
        assertThat(SiweMessageParser.parse(SPEC_EXAMPLE.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", address))
                .address()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:8080", "test@127.0.0.1:8080", "[::1]:8080", "localhost:"})
    void accepts_any_rfc3986_authority_as_domain(String domain) {
        assertThat(SiweMessageParser.parse(message().domain(domain).text()).domain()).isEqualTo(domain);
    }

    static Stream<SiweMessage> messages() {
        return Stream.of(
                message().build(),
                message().statement(null).build(),
                message().statement("").build(),
                message().scheme("https").domain("localhost:8080").uri("http://localhost:8080/").chainId(8453)
                        .issuedAt(Instant.parse("2025-05-01T11:59:30.123456789Z"))
                        .expirationTime(Instant.parse("2025-05-01T12:10:00Z"))
                        .notBefore(Instant.parse("2025-05-01T11:59:00Z"))
                        .requestId("").resource("https://callvs.com/terms").resource("urn:example:x").build(),
                SiweMessageParser.parse(SPEC_EXAMPLE));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void round_trips_through_its_canonical_text(SiweMessage original) {
        String text = original.toMessage();

        SiweMessage parsed = SiweMessageParser.parse(text);

        assertThat(parsed).isEqualTo(original);
        assertThat(parsed.toMessage()).isEqualTo(text);
    }

    @Test
    void renders_the_specification_example_back_to_the_same_text() {
        assertThat(SiweMessageParser.parse(SPEC_EXAMPLE).toMessage()).isEqualTo(SPEC_EXAMPLE);
    }
}
