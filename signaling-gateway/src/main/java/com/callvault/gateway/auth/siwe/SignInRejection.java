package com.callvault.gateway.auth.siwe;

import java.util.Locale;

/**
 * Every reason a Sign-In with Ethereum attempt can be turned down, with the HTTP status the API answers with.
 *
 * <p>Status mapping: 400 when the input cannot be read at all (resending the same bytes can never work, so it is a
 * client bug); 422 when the message is well formed but names something this service does not accept (another site,
 * chain, or a time window that has passed; the client recovers by asking for a fresh message); 401 when the
 * credential itself fails (the signature, or the nonce the caller checks against its store).
 */
public enum SignInRejection {
    MESSAGE_MALFORMED(400, "The sign-in message does not follow EIP-4361"),
    ADDRESS_INVALID(400, "The address in the sign-in message has a wrong EIP-55 checksum"),
    // 400 rather than 422: a future version is a format this service cannot read, not a value it dislikes.
    VERSION_UNSUPPORTED(400, "The sign-in message version is not supported"),
    DOMAIN_MISMATCH(422, "The sign-in message is for another domain"),
    SCHEME_MISMATCH(422, "The sign-in message is for another scheme"),
    URI_MISMATCH(422, "The sign-in message URI is not on this site"),
    CHAIN_NOT_ALLOWED(422, "The sign-in message is for a chain this service does not accept"),
    ISSUED_IN_FUTURE(422, "The sign-in message was issued in the future"),
    MESSAGE_EXPIRED(422, "The sign-in message has expired"),
    MESSAGE_NOT_YET_VALID(422, "The sign-in message is not valid yet"),
    SIGNATURE_MALFORMED(400, "The signature is not a 65-byte hex string"),
    SIGNATURE_MISMATCH(401, "The signature was not made by the address in the sign-in message"),
    NONCE_UNKNOWN(401, "The sign-in nonce was not issued by this service"),
    NONCE_USED(401, "The sign-in nonce has already been used"),
    NONCE_EXPIRED(401, "The sign-in nonce has expired");

    private final int status;
    private final String title;
    private final String code;

    SignInRejection(int status, String title) {
        this.status = status;
        this.title = title;
        this.code = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** HTTP status code to answer with. */
    public int status() {
        return status;
    }

    /** Short human title, suitable for a problem-details {@code title}. */
    public String title() {
        return title;
    }

    /** Stable lower-kebab identifier clients can switch on, e.g. {@code signature-mismatch}. */
    public String code() {
        return code;
    }
}
