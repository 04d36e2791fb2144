package com.callvault.gateway.ice;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway checks its STUN/TURN servers ({@code callvault.ice.checks}, application.yml): the settings of
 * {@code GET /api/admin/ice-verify} and of the background TURN health checks. {@link IceCheckSettings#from} validates
 * them. See docs/ice-servers.md.
 *
 * @param externalIp       {@code TURN_EXTERNAL_IP}: the public address(es) relays must have (coturn's {@code external-ip})
 * @param tlsTrust         {@code TURN_TLS_TRUST}: a PEM file of the certificates to trust for {@code turns:}/{@code stuns:};
 *                         blank: the JDK's trust store
 * @param verifyTimeout    {@code ICE_VERIFY_TIMEOUT}: how long the check of one URI may take
 * @param healthEnabled    {@code TURN_HEALTH_ENABLED}: check TURN servers in the background and leave out those that fail
 * @param healthInterval   {@code TURN_HEALTH_INTERVAL}: the pause between two rounds of checks
 * @param healthTimeout    {@code TURN_HEALTH_TIMEOUT}: how long the check of one server may take
 * @param healthFailures   {@code TURN_HEALTH_FAILURES}: failed checks in a row that take a server out
 * @param healthRecoveries {@code TURN_HEALTH_RECOVERIES}: good checks in a row that bring it back
 */
@ConfigurationProperties("callvault.ice.checks")
public record IceCheckProperties(List<String> externalIp, String tlsTrust, Duration verifyTimeout, Boolean healthEnabled,
                                 Duration healthInterval, Duration healthTimeout, Integer healthFailures, Integer healthRecoveries) {

    public IceCheckProperties {
        externalIp = externalIp == null ? List.of() : externalIp.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        tlsTrust = tlsTrust == null ? "" : tlsTrust.strip();
        verifyTimeout = verifyTimeout == null ? Duration.ofSeconds(5) : verifyTimeout;
        healthEnabled = healthEnabled == null || healthEnabled;
        healthInterval = healthInterval == null ? Duration.ofSeconds(30) : healthInterval;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(5) : healthTimeout;
        healthFailures = healthFailures == null ? 2 : healthFailures;
        healthRecoveries = healthRecoveries == null ? 1 : healthRecoveries;
    }
}
