package com.callvault.gateway.auth.siwe;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The EIP-4361 ABNF terms, with the RFC 3986 / RFC 3339 rules they import, as matchers. */
final class SiweGrammar {

    private static final String UNRESERVED = "A-Za-z0-9\\-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String PCT_ENCODED = "%[0-9A-Fa-f]{2}";

    static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

    // authority = [ userinfo "@" ] host [ ":" port ]. The IPv6 literal is checked loosely (hex, colons, dots);
    // nothing but an exact match with our own domain is ever accepted later, so precision here buys nothing.
    static final Pattern AUTHORITY = Pattern.compile(
            "(?:(?:[" + UNRESERVED + SUB_DELIMS + ":]|" + PCT_ENCODED + ")*@)?"
                    + "(?:\\[[0-9A-Fa-f:.]+\\]|(?:[" + UNRESERVED + SUB_DELIMS + "]|" + PCT_ENCODED + ")+)"
                    + "(?::[0-9]*)?");

    // statement = *( reserved / unreserved / " " )
    static final Pattern STATEMENT = Pattern.compile("[" + UNRESERVED + ":/?#\\[\\]@" + SUB_DELIMS + " ]*");

    static final Pattern DIGITS = Pattern.compile("[0-9]+");

    static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");

    // request-id = *pchar
    static final Pattern REQUEST_ID = Pattern.compile("(?:[" + UNRESERVED + SUB_DELIMS + ":@]|" + PCT_ENCODED + ")*");

    // RFC 3339 date-time; "T" and "Z" may be lower case there. The parse below then rejects impossible dates.
    private static final Pattern DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:[Zz]|[+\\-][0-9]{2}:[0-9]{2})");

    private SiweGrammar() {
    }

    /** Index of the first character outside printable ASCII, or -1: the whole ABNF is ASCII once lines are split. */
    static int firstNonPrintable(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return i;
            }
        }
        return -1;
    }

    /** An absolute RFC 3986 URI (a scheme and nothing java.net.URI refuses), or {@code null}. */
    static URI absoluteUri(String text) {
        if (text.isEmpty() || firstNonPrintable(text) >= 0) {
            return null;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** An RFC 3339 date-time as an instant, or {@code null}. Leap seconds (:60) are not representable and fail. */
    static Instant dateTime(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
