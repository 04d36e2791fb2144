package com.callvault.gateway.auth.siwe;

import static com.callvault.gateway.auth.siwe.SiweMessage.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Strict parser for the EIP-4361 message ABNF: fields in the specified order, {@code \n} line breaks only, one
 * trailing newline tolerated. Anything else is a {@link SignInRejection#MESSAGE_MALFORMED} naming the line at fault.
 */
public final class SiweMessageParser {

    /** Longest message accepted, in characters (bytes, as only ASCII gets through). */
    public static final int MAX_LENGTH = 8 * 1024;

    private SiweMessageParser() {
    }

    /**
     * @throws SignInRejected {@link SignInRejection#MESSAGE_MALFORMED} if the text is not an EIP-4361 message,
     *                        {@link SignInRejection#ADDRESS_INVALID} if its address has a wrong EIP-55 checksum
     */
    public static SiweMessage parse(String text) {
        if (text == null || text.isEmpty()) {
            throw malformed("the message is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw malformed("the message is longer than " + MAX_LENGTH + " characters");
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return new Lines(body.split("\n", -1)).message();
    }

    private static SignInRejected malformed(String detail) {
        return new SignInRejected(SignInRejection.MESSAGE_MALFORMED, detail);
    }

    /** A cursor over the lines; {@code line} is the 1-based number of the line most recently taken. */
    private static final class Lines {
        private final String[] lines;
        private int line;

        Lines(String[] lines) {
            this.lines = lines;
            for (int i = 0; i < lines.length; i++) {
                int at = SiweGrammar.firstNonPrintable(lines[i]);
                if (at >= 0) {
                    throw malformed("line %d: character U+%04X at column %d is not allowed (printable ASCII only, lines end in \\n)"
                            .formatted(i + 1, (int) lines[i].charAt(at), at + 1));
                }
            }
        }

        SiweMessage message() {
            String header = take("the header line");
            if (!header.endsWith(HEADER_SUFFIX)) {
                throw fail("expected '<domain>" + HEADER_SUFFIX + "'");
            }
            String origin = header.substring(0, header.length() - HEADER_SUFFIX.length());
            int separator = origin.indexOf("://");
            String scheme = separator < 0 ? null : origin.substring(0, separator);
            String domain = separator < 0 ? origin : origin.substring(separator + 3);
            check(scheme == null || SiweGrammar.SCHEME.matcher(scheme).matches(), "the scheme is not an RFC 3986 scheme");
            check(SiweGrammar.AUTHORITY.matcher(domain).matches(), "the domain is not an RFC 3986 authority");

            String address = take("the address");
            check(Eip55.isHexAddress(address), "expected the address as 0x followed by 40 hex digits");
            if (!Eip55.hasValidChecksum(address)) {
                throw new SignInRejected(SignInRejection.ADDRESS_INVALID,
                        "line %d: address %s has a wrong EIP-55 checksum".formatted(line, address));
            }
            check(take("a blank line").isEmpty(), "expected a blank line after the address");

            String statement = statement();
            String uri = field(URI_TAG);
            check(SiweGrammar.absoluteUri(uri) != null, "the URI is not an absolute RFC 3986 URI");
            String version = matching(VERSION_TAG, SiweGrammar.DIGITS, "the version is not a number");
            long chainId = chainId(matching(CHAIN_ID_TAG, SiweGrammar.DIGITS, "the chain id is not a number"));
            String nonce = matching(NONCE_TAG, SiweGrammar.NONCE, "the nonce must be at least 8 letters or digits");
            Instant issuedAt = instant(field(ISSUED_AT_TAG));
            String expiration = optional(EXPIRATION_TIME_TAG);
            Instant expirationTime = expiration == null ? null : instant(expiration);
            String notBeforeText = optional(NOT_BEFORE_TAG);
            Instant notBefore = notBeforeText == null ? null : instant(notBeforeText);
            String requestId = optional(REQUEST_ID_TAG);
            check(requestId == null || SiweGrammar.REQUEST_ID.matcher(requestId).matches(),
                    "the request id may only hold RFC 3986 path characters");
            List<String> resources = resources();
            if (line < lines.length) {
                line++;
                throw fail("unexpected content; after 'Issued At' only 'Expiration Time', 'Not Before', "
                        + "'Request ID' and 'Resources' may follow, in that order");
            }
            return new SiweMessage(scheme, domain, address, statement, uri, version, chainId, nonce, issuedAt,
                    expirationTime, notBefore, requestId, resources);
        }

        // ABNF: LF [ statement LF ] LF. No statement gives two blank lines, an empty statement three.
        private String statement() {
            String first = take("the statement or a blank line");
            if (first.isEmpty()) {
                boolean emptyStatement = line < lines.length && lines[line].isEmpty();
                if (emptyStatement) {
                    line++;
                }
                return emptyStatement ? "" : null;
            }
            check(SiweGrammar.STATEMENT.matcher(first).matches(),
                    "the statement may only hold RFC 3986 reserved and unreserved characters and spaces");
            check(take("a blank line after the statement").isEmpty(), "expected a blank line after the statement"
                    + " (line " + (line - 1) + "); without a statement the address is followed by two blank lines");
            return first;
        }

        private List<String> resources() {
            if (line >= lines.length || !lines[line].equals(RESOURCES_TAG)) {
                return List.of();
            }
            line++;
            List<String> resources = new ArrayList<>();
            while (line < lines.length) {
                String item = take("a resource");
                check(item.startsWith(RESOURCE_ITEM), "expected '" + RESOURCE_ITEM + "<uri>' in the resource list");
                String resource = item.substring(RESOURCE_ITEM.length());
                check(SiweGrammar.absoluteUri(resource) != null, "the resource is not an absolute RFC 3986 URI");
                resources.add(resource);
            }
            return resources;
        }

        private String take(String expected) {
            if (line >= lines.length) {
                line++;
                throw fail("expected " + expected + " but the message ended");
            }
            return lines[line++];
        }

        private String field(String tag) {
            String text = take("'" + tag + "'");
            check(text.startsWith(tag), "expected '" + tag + "'");
            return text.substring(tag.length());
        }

        private String matching(String tag, Pattern pattern, String problem) {
            String value = field(tag);
            check(pattern.matcher(value).matches(), problem);
            return value;
        }

        private String optional(String tag) {
            if (line < lines.length && lines[line].startsWith(tag)) {
                return lines[line++].substring(tag.length());
            }
            return null;
        }

        private long chainId(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw fail("the chain id is too large");
            }
        }

        private Instant instant(String text) {
            Instant instant = SiweGrammar.dateTime(text);
            check(instant != null, "expected an RFC 3339 date-time such as 2021-09-30T16:25:24Z");
            return instant;
        }

        private void check(boolean ok, String problem) {
            if (!ok) {
                throw fail(problem);
            }
        }

        private SignInRejected fail(String problem) {
            return malformed("line " + line + ": " + problem);
        }
    }
}
