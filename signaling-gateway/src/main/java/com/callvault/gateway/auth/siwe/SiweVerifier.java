package com.callvault.gateway.auth.siwe;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.web3j.crypto.Sign;

/**
 * Checks a signed Sign-In with Ethereum (EIP-4361) message against this relying party: format, origin binding,
 * chain, time window and the EIP-191 signature of an externally owned account.
 *
 * <p><b>The nonce is not checked here.</b> This class holds no state; after {@link #verify} succeeds the caller must
 * look up {@code message().nonce()} in its own store and consume it atomically, rejecting with
 * {@link SignInRejection#NONCE_UNKNOWN}, {@link SignInRejection#NONCE_USED} or {@link SignInRejection#NONCE_EXPIRED}.
 * Without that step a captured message and signature can be replayed until the message expires.
 *
 * <p>Contract accounts (EIP-1271) are not supported: their signatures fail as {@link SignInRejection#SIGNATURE_MISMATCH}.
 */
public final class SiweVerifier {

    private final RelyingParty relyingParty;
    private final Clock clock;

    public SiweVerifier(RelyingParty relyingParty, Clock clock) {
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param messageText  the message exactly as the wallet signed it
     * @param signatureHex the {@code personal_sign} result, {@code 0x} + 130 hex digits
     * @return the parsed message and its signer's checksummed address
     * @throws SignInRejected with the first reason found; input errors (400) come before field checks (422), which
     *                        come before the signature (401)
     */
    public VerifiedMessage verify(String messageText, String signatureHex) {
        SiweMessage message = SiweMessageParser.parse(messageText);
        Sign.SignatureData signature = PersonalSign.decode(signatureHex);
        checkBinding(message);
        checkTimes(message, clock.instant());
        String signer = PersonalSign.recoverSigner(messageText, signature);
        if (!signer.equalsIgnoreCase(message.address())) {
            throw reject(SignInRejection.SIGNATURE_MISMATCH,
                    "the signature was not made by " + message.address() + " over this exact message");
        }
        return new VerifiedMessage(message, signer);
    }

    private void checkBinding(SiweMessage message) {
        RelyingParty rp = relyingParty;
        if (!"1".equals(message.version())) {
            throw reject(SignInRejection.VERSION_UNSUPPORTED, "version " + message.version() + " is not supported; expected 1");
        }
        if (!Origins.sameAuthority(message.domain(), rp.domain(), rp.scheme())) {
            throw reject(SignInRejection.DOMAIN_MISMATCH, "the message is for " + message.domain() + ", not " + rp.domain());
        }
        if (message.scheme() != null && !message.scheme().equalsIgnoreCase(rp.scheme())) {
            throw reject(SignInRejection.SCHEME_MISMATCH, "the message is for scheme " + message.scheme() + ", not " + rp.scheme());
        }
        if (!Origins.sameOrigin(URI.create(message.uri()), rp.origin())) {
            throw reject(SignInRejection.URI_MISMATCH, "the URI " + message.uri() + " is not on " + rp.origin());
        }
        if (!rp.allowedChainIds().contains(message.chainId())) {
            throw reject(SignInRejection.CHAIN_NOT_ALLOWED, "chain " + message.chainId() + " is not accepted here");
        }
    }

    private void checkTimes(SiweMessage message, Instant now) {
        Instant latest = now.plus(relyingParty.clockSkew());
        Instant earliest = now.minus(relyingParty.clockSkew());
        if (message.issuedAt().isAfter(latest)) {
            throw reject(SignInRejection.ISSUED_IN_FUTURE, "issued at " + message.issuedAt() + ", after now (" + now + ")");
        }
        if (message.issuedAt().isBefore(earliest.minus(relyingParty.maxMessageAge()))) {
            throw reject(SignInRejection.MESSAGE_EXPIRED, "issued at " + message.issuedAt() + ", more than "
                    + relyingParty.maxMessageAge().toSeconds() + " s before now (" + now + ")");
        }
        if (message.expirationTime() != null && !message.expirationTime().isAfter(earliest)) {
            throw reject(SignInRejection.MESSAGE_EXPIRED, "expired at " + message.expirationTime() + " (now " + now + ")");
        }
        if (message.notBefore() != null && message.notBefore().isAfter(latest)) {
            throw reject(SignInRejection.MESSAGE_NOT_YET_VALID, "not valid before " + message.notBefore() + " (now " + now + ")");
        }
    }

    private static SignInRejected reject(SignInRejection reason, String detail) {
        return new SignInRejected(reason, detail);
    }
}
