package com.callvault.gateway.auth.siwe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The fields of an EIP-4361 (Sign-In with Ethereum) message. Optional fields are {@code null} when absent, except
 * {@code resources}, which is empty.
 *
 * @param scheme         optional URI scheme of the requesting origin, e.g. {@code https}
 * @param domain         RFC 3986 authority requesting the sign-in, may carry a port, e.g. {@code localhost:8080}
 * @param address        signer address as written in the message ({@code 0x} + 40 hex digits)
 * @param statement      optional human-readable assertion; {@code ""} when present but empty
 * @param uri            RFC 3986 URI of the resource being signed in to
 * @param version        message version; only {@code 1} exists
 * @param chainId        EIP-155 chain id the session is bound to
 * @param nonce          at least 8 alphanumerics chosen by the relying party
 * @param issuedAt       when the message was made
 * @param expirationTime optional instant after which the message is no longer valid
 * @param notBefore      optional instant before which the message is not yet valid
 * @param requestId      optional system-specific request identifier
 * @param resources      URIs the user wants resolved as part of sign-in, in order
 */
public record SiweMessage(
        String scheme,
        String domain,
        String address,
        String statement,
        String uri,
        String version,
        long chainId,
        String nonce,
        Instant issuedAt,
        Instant expirationTime,
        Instant notBefore,
        String requestId,
        List<String> resources) {

    static final String HEADER_SUFFIX = " wants you to sign in with your Ethereum account:";
    static final String URI_TAG = "URI: ";
    static final String VERSION_TAG = "Version: ";
    static final String CHAIN_ID_TAG = "Chain ID: ";
    static final String NONCE_TAG = "Nonce: ";
    static final String ISSUED_AT_TAG = "Issued At: ";
    static final String EXPIRATION_TIME_TAG = "Expiration Time: ";
    static final String NOT_BEFORE_TAG = "Not Before: ";
    static final String REQUEST_ID_TAG = "Request ID: ";
    static final String RESOURCES_TAG = "Resources:";
    static final String RESOURCE_ITEM = "- ";

    public SiweMessage {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(issuedAt, "issuedAt");
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /**
     * The canonical EIP-4361 text of these fields, the exact bytes a wallet signs. Instants are written in UTC
     * ({@code 2021-09-30T16:25:24Z}), so a parsed message whose timestamps used another offset or precision renders
     * to different text than it was parsed from: signatures must always be checked over the received text.
     */
    public String toMessage() {
        StringBuilder text = new StringBuilder(256);
        if (scheme != null) {
            text.append(scheme).append("://");
        }
        text.append(domain).append(HEADER_SUFFIX).append('\n');
        text.append(address).append('\n');
        text.append('\n');
        if (statement != null) {
            text.append(statement).append('\n');
        }
        text.append('\n');
        text.append(URI_TAG).append(uri).append('\n');
        text.append(VERSION_TAG).append(version).append('\n');
        text.append(CHAIN_ID_TAG).append(chainId).append('\n');
        text.append(NONCE_TAG).append(nonce).append('\n');
        text.append(ISSUED_AT_TAG).append(issuedAt);
        if (expirationTime != null) {
            text.append('\n').append(EXPIRATION_TIME_TAG).append(expirationTime);
        }
        if (notBefore != null) {
            text.append('\n').append(NOT_BEFORE_TAG).append(notBefore);
        }
        if (requestId != null) {
            text.append('\n').append(REQUEST_ID_TAG).append(requestId);
        }
        if (!resources.isEmpty()) {
            text.append('\n').append(RESOURCES_TAG);
            resources.forEach(resource -> text.append('\n').append(RESOURCE_ITEM).append(resource));
        }
        return text.toString();
    }
}
