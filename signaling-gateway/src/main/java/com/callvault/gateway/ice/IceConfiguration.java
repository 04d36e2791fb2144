package com.callvault.gateway.ice;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Checks the ICE settings and the settings of the checks at start-up (the app refuses to start with bad ones) and says what
 * it will hand out.
 */
@Configuration(proxyBeanMethods = false)
class IceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IceConfiguration.class);

    @Bean
    IceSettings iceSettings(IceProperties properties) {
        IceSettings settings = IceSettings.from(properties);
        log.info("ICE servers: TURN_MODE={}, {} STUN URI(s) {}, {} TURN URI(s) {}, answers valid for {} s (TURN_TTL)",
            settings.mode().wireName(), settings.stunUris().size(), settings.stunUris(), settings.turnUris().size(), settings.turnUris(),
            settings.ttl().toSeconds());
        settings.warnings().forEach(log::warn);
        return settings;
    }

    @Bean
    IceCheckSettings iceCheckSettings(IceCheckProperties properties) {
        IceCheckSettings checks = IceCheckSettings.from(properties);
        log.info("ICE checks: {}", checks);
        return checks;
    }

    @Bean
    IceServers iceServers(IceSettings settings, Clock clock, ObjectProvider<TurnAvailability> availability) {
        return new IceServers(settings, clock, availability.getIfAvailable(() -> TurnAvailability.ALL));
    }
}
