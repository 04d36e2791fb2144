package com.callvault.gateway.auth.siwe;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who we are, as a sign-in message must name us, and how much time slack we grant.
 *
 * @param scheme          scheme users reach us by, lower case, e.g. {@code https}
 * @param domain          host[:port] exactly as users reach us, e.g. {@code callvs.com} or {@code localhost:8080}
 * @param origin          our web origin; a message's URI must be on it, e.g. {@code https://callvs.com}
 * @param allowedChainIds EIP-155 chain ids a session may be bound to
 * @param clockSkew       how far a wallet's clock may disagree with ours, applied to every time check
 * @param maxMessageAge   how long after its issued-at a message may still be presented
 */
public record RelyingParty(
        String scheme,
        String domain,
        URI origin,
        Set<Long> allowedChainIds,
        Duration clockSkew,
        Duration maxMessageAge) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_MESSAGE_AGE = Duration.ofMinutes(10);

    public RelyingParty {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxMessageAge, "maxMessageAge");
        scheme = scheme.toLowerCase(Locale.ROOT);
        allowedChainIds = Set.copyOf(allowedChainIds);
        if (domain.isBlank() || origin.getScheme() == null || origin.getHost() == null) {
            throw new IllegalArgumentException("domain and origin (with scheme and host) are required");
        }
        if (clockSkew.isNegative() || maxMessageAge.isNegative() || maxMessageAge.isZero()) {
            throw new IllegalArgumentException("clockSkew must not be negative and maxMessageAge must be positive");
        }
    }

    /**
     * The relying party behind a public URL such as {@code https://callvs.com} or {@code http://localhost:8080/app}:
     * its path is dropped, the host lower-cased, and the default time allowances applied.
     */
    public static RelyingParty forPublicUrl(URI publicUrl, Set<Long> allowedChainIds) {
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (publicUrl.getScheme() == null || publicUrl.getHost() == null) {
            throw new IllegalArgumentException("the public URL needs a scheme and a host: " + publicUrl);
        }
        String scheme = publicUrl.getScheme().toLowerCase(Locale.ROOT);
        String host = publicUrl.getHost().toLowerCase(Locale.ROOT);
        String domain = publicUrl.getPort() < 0 ? host : host + ":" + publicUrl.getPort();
        return new RelyingParty(scheme, domain, URI.create(scheme + "://" + domain), allowedChainIds,
                DEFAULT_CLOCK_SKEW, DEFAULT_MAX_MESSAGE_AGE);
    }
}
