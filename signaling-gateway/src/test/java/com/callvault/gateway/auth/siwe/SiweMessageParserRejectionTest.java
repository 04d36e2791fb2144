package com.callvault.gateway.auth.siwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SiweMessageParserRejectionTest {

    static final String VALID = """
            service.org wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            I accept the ServiceOrg Terms of Service: https://service.org/tos

            URI: https://service.org/login
            Version: 1
            Chain ID: 1
            Nonce: 32891757
            Issued At: 2021-09-30T16:25:24Z
            Expiration Time: 2021-10-01T16:25:24Z
            Not Before: 2021-09-30T16:25:24Z
            Request ID: some_id
            Resources:
            - https://service.org/login""";

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("empty input", "", "the message is empty"),
                arguments("null input", null, "the message is empty"),
                arguments("oversized input", VALID.replace("Request ID: some_id", "Request ID: " + "x".repeat(8192)),
                        "longer than 8192"),
                arguments("wrong header", VALID.replace("Ethereum account", "Solana account"), "line 1: expected"),
                arguments("missing domain", VALID.replace("service.org wants", " wants"), "line 1: the domain"),
                arguments("domain with a space", VALID.replace("service.org wants", "service org wants"), "line 1"),
                arguments("bad scheme", VALID.replace("service.org wants", "1http://service.org wants"), "line 1: the scheme"),
                arguments("missing address line", VALID.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n", ""), "line 2"),
                arguments("short address", VALID.replace("Cc2\n", "Cc\n"), "line 2: expected the address"),
                arguments("address without 0x", VALID.replace("0xC02a", "C02a"), "line 2"),
                arguments("no blank line after the address", VALID.replace("Cc2\n\n", "Cc2\n"), "line 3: expected a blank line"),
                arguments("one blank line only without a statement",
                        VALID.replace("\nI accept the ServiceOrg Terms of Service: https://service.org/tos\n", ""),
                        "line 5: expected a blank line after the statement (line 4)"),
                arguments("extra blank line before the statement", VALID.replace("Cc2\n\n", "Cc2\n\n\n"), "line 5"),
                arguments("statement containing a newline", VALID.replace("Service: https", "Service: \nhttps"), "line 5"),
                arguments("statement with a character outside the ABNF", VALID.replace("I accept", "I \"accept\""), "line 4: the statement"),
                arguments("lowercase uri tag", VALID.replace("URI: ", "uri: "), "line 6: expected 'URI: '"),
                arguments("missing URI line", VALID.replace("URI: https://service.org/login\n", ""), "line 6: expected 'URI: '"),
                arguments("URI that is not RFC 3986", VALID.replace("URI: https://service.org/login", "URI: _not_a_rfc3986_valid_uri_"), "line 6"),
                arguments("URI with a space", VALID.replace("URI: https://service.org/login", "URI: https://service.org/log in"), "line 6"),
                arguments("version not a number", VALID.replace("Version: 1", "Version: one"), "line 7"),
                arguments("chain id not a number", VALID.replace("Chain ID: 1", "Chain ID: ?"), "line 8"),
                arguments("chain id too large", VALID.replace("Chain ID: 1", "Chain ID: 99999999999999999999"), "line 8: the chain id is too large"),
                arguments("nonce too short", VALID.replace("Nonce: 32891757", "Nonce: 3289175"), "line 9: the nonce"),
                arguments("nonce with symbols", VALID.replace("Nonce: 32891757", "Nonce: 3289-1757"), "line 9: the nonce"),
                arguments("issued at not RFC 3339", VALID.replace("Issued At: 2021-09-30T16:25:24Z",
                        "Issued At: Wed Oct 05 2011 16:48:00 GMT+0200 (CEST)"), "line 10: expected an RFC 3339"),
                arguments("issued at without offset", VALID.replace("16:25:24Z\nExp", "16:25:24\nExp"), "line 10"),
                arguments("issued at with a space for T", VALID.replace("2021-09-30T16:25:24Z\nExp", "2021-09-30 16:25:24Z\nExp"), "line 10"),
                arguments("issued at on an impossible date", VALID.replace("2021-09-30T16:25:24Z\nExp", "2021-02-30T16:25:24Z\nExp"), "line 10"),
                arguments("expiration time not RFC 3339", VALID.replace("Expiration Time: 2021-10-01T16:25:24Z",
                        "Expiration Time: tomorrow"), "line 11"),
                arguments("URI after Version", VALID.replace("URI: https://service.org/login\nVersion: 1", "Version: 1\nURI: https://service.org/login"),
                        "line 6: expected 'URI: '"),
                arguments("Not Before before Expiration Time", VALID.replace(
                        "Expiration Time: 2021-10-01T16:25:24Z\nNot Before: 2021-09-30T16:25:24Z",
                        "Not Before: 2021-09-30T16:25:24Z\nExpiration Time: 2021-10-01T16:25:24Z"), "line 12: unexpected content"),
                arguments("Request ID after Resources", VALID.replace("Request ID: some_id\nResources:\n- https://service.org/login",
                        "Resources:\n- https://service.org/login\nRequest ID: some_id"), "line 15: expected '- <uri>'"),
                arguments("request id with a space", VALID.replace("some_id", "some id"), "line 13"),
                arguments("resources on one line", VALID + " - https://service.org/login/2", "line 15"),
                arguments("resource that is not a URI", VALID + "\n- _not_a_rfc3986_valid_uri_", "line 16"),
                arguments("text after the Resources tag", VALID.replace("Resources:", "Resources: x"), "line 14"),
                arguments("extra trailing garbage line", VALID + "\nthanks!", "line 16"),
                arguments("two trailing newlines", VALID + "\n\n", "line 16"),
                arguments("CRLF line endings", VALID.replace("\n", "\r\n"), "line 1: character U+000D"),
                arguments("non-ASCII character", VALID.replace("I accept", "I accépt"), "line 4: character U+00E9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejects_a_message_that_breaks_the_grammar(String scenario, String text, String detail) {
        SignInRejected rejected = catchThrowableOfType(SignInRejected.class, () -> SiweMessageParser.parse(text));

        assertThat(rejected).as(scenario).isNotNull();
        assertThat(rejected.reason()).isEqualTo(SignInRejection.MESSAGE_MALFORMED);
        assertThat(rejected.detail()).contains(detail);
    }

    @Test
    void accepts_the_base_message_of_this_table() {
        assertThat(SiweMessageParser.parse(VALID).resources()).containsExactly("https://service.org/login");
    }

    @Test
    void rejects_a_mixed_case_address_with_a_wrong_checksum_as_an_invalid_address() {
        String text = VALID.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756cC2");

        SignInRejected rejected = catchThrowableOfType(SignInRejected.class, () -> SiweMessageParser.parse(text));

        assertThat(rejected.reason()).isEqualTo(SignInRejection.ADDRESS_INVALID);
        assertThat(rejected.detail()).contains("line 2", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756cC2");
    }
}
