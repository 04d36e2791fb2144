package com.callvault.gateway.settings;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    PublicUrl publicUrl(CallVaultProperties properties) {
        return PublicUrl.parse(properties.publicUrl());
    }

    @Bean
    AdminAddresses adminAddresses(CallVaultProperties properties) {
        return AdminAddresses.parse(properties.adminAddresses());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Forwarded headers rewrite the request's scheme, host and client address. They are honoured only
     * behind a proxy the operator vouches for ({@code TRUST_PROXY=true}); otherwise any client could forge them.
     * The bean name is the one WebFlux looks up. The diagnostics request keeps its headers ({@link TrustedProxyHeaders}).
     */
    @Bean(name = "forwardedHeaderTransformer")
    @ConditionalOnProperty(name = "callvault.trust-proxy", havingValue = "true")
    ForwardedHeaderTransformer forwardedHeaderTransformer() {
        return new TrustedProxyHeaders();
    }
}
