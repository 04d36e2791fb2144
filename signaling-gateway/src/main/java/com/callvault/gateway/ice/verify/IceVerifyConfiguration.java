package com.callvault.gateway.ice.verify;

import com.callvault.gateway.ice.IceCheckSettings;
import com.callvault.gateway.ice.IceSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prober (shared by ice-verify and the TURN health checks) and the verifier. */
@Configuration(proxyBeanMethods = false)
class IceVerifyConfiguration {

    @Bean(destroyMethod = "close")
    IceProber iceProber(IceSettings settings, IceCheckSettings checks, Clock clock) {
        return new IceProber(settings, checks, clock);
    }

    @Bean
    IceVerifier iceVerifier(IceSettings settings, IceCheckSettings checks, IceProber prober, Clock clock) {
        return new IceVerifier(settings, checks, prober, clock);
    }
}
