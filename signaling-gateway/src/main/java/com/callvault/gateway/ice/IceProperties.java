package com.callvault.gateway.ice;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * ICE server settings as bound from the environment (application.yml, {@code callvault.ice}); {@link IceSettings#from}
 * validates them. See docs/ice-servers.md.
 *
 * @param turnMode       {@code TURN_MODE}: {@code rest}, {@code custom} or {@code none}; blank: inferred
 * @param turnSecret     {@code TURN_SECRET}: shared secret(s) with coturn, comma-separated; the first signs
 * @param turnUrls       {@code TURN_URLS}: {@code turn:}/{@code turns:} URIs
 * @param turnUsername   {@code TURN_USERNAME}: the static username in custom mode
 * @param turnCredential {@code TURN_CREDENTIAL}: the static password in custom mode
 * @param stunUrls       {@code STUN_URLS}: {@code stun:}/{@code stuns:} URIs
 * @param turnTtl        {@code TURN_TTL}: how long issued credentials live ({@code 1h}; a bare number is seconds)
 * @param turnUserPrefix {@code TURN_USER_PREFIX}: put before the pseudonym in TURN REST usernames
 */
@ConfigurationProperties("callvault.ice")
public record IceProperties(String turnMode, List<String> turnSecret, List<String> turnUrls, String turnUsername,
                            String turnCredential, List<String> stunUrls, @DurationUnit(ChronoUnit.SECONDS) Duration turnTtl,
                            String turnUserPrefix) {

    public IceProperties {
        turnMode = blankToEmpty(turnMode);
        turnSecret = nonBlank(turnSecret);
        turnUrls = nonBlank(turnUrls);
        turnUsername = blankToEmpty(turnUsername);
        turnCredential = blankToEmpty(turnCredential);
        stunUrls = nonBlank(stunUrls);
        turnUserPrefix = blankToEmpty(turnUserPrefix);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    @Override
    public String toString() { // never the secrets or the static credential
        return "IceProperties[turnMode=" + turnMode + ", turnSecret=" + turnSecret.size() + " secret(s), turnUrls=" + turnUrls
            + ", turnUsername=" + (turnUsername.isEmpty() ? "" : "(set)") + ", turnCredential=" + (turnCredential.isEmpty() ? "" : "(set)")
            + ", stunUrls=" + stunUrls + ", turnTtl=" + turnTtl + ", turnUserPrefix=" + turnUserPrefix + "]";
    }
}
