package com.callvault.gateway.ice.health;

import com.callvault.gateway.ice.IceCheckSettings;
import com.callvault.gateway.ice.IceSettings;
import com.callvault.gateway.ice.verify.IceProber;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The TURN health checks; {@code /api/ice-servers} asks them which TURN URIs to hand out. */
@Configuration(proxyBeanMethods = false)
class TurnHealthConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    TurnHealth turnHealth(IceSettings settings, IceCheckSettings checks, IceProber prober, Clock clock, MeterRegistry registry) {
        return new TurnHealth(settings.turnUris(), checks.health(), prober, clock, new TurnHealthMetrics(registry));
    }
}
