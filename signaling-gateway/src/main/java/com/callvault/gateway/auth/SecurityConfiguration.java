package com.callvault.gateway.auth;

import com.callvault.gateway.auth.siwe.RelyingParty;
import com.callvault.gateway.auth.siwe.SiweVerifier;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.problem.ProblemWriter;
import com.callvault.gateway.settings.CallVaultProperties;
import com.callvault.gateway.settings.PublicUrl;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Everything under {@code /api}, {@code /ws}, {@code /rsocket} and {@code /actuator} needs a session,
 * except what must be reachable before signing in (the nonce, verify, logout) and what probes and
 * scrapers call (health, prometheus). Sessions are the only credential: no form login, no basic auth.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SiweVerifier siweVerifier(PublicUrl publicUrl, CallVaultProperties properties, Clock clock) {
        var siwe = properties.siwe();
        return new SiweVerifier(new RelyingParty(publicUrl.scheme(), publicUrl.authority(), publicUrl.toUri(),
            siwe.chainIds(), siwe.clockSkew(), siwe.maxMessageAge()), clock);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SessionCookie cookie, SessionResolver sessions,
                                                  ProblemWriter problems, PublicUrl publicUrl) {
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable) // SameSite cookies + the Origin check below
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .addFilterBefore(new SameOriginFilter(publicUrl, problems), SecurityWebFiltersOrder.AUTHENTICATION)
            .addFilterAt(new SessionAuthenticationFilter(cookie, sessions), SecurityWebFiltersOrder.AUTHENTICATION)
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint((exchange, e) -> problems.write(exchange,
                    exchange.getAttributes().containsKey(SessionAuthenticationFilter.REJECTED_TOKEN)
                        ? new ApiProblem(HttpStatus.UNAUTHORIZED, "session-ended", "Session ended",
                            "The session is unknown, has expired or was signed out; sign in again")
                        : new ApiProblem(HttpStatus.UNAUTHORIZED, "not-signed-in", "Not signed in",
                            "Sign in with your wallet first (GET /api/auth/nonce, then POST /api/auth/verify)")))
                .accessDeniedHandler((exchange, e) -> problems.write(exchange,
                    new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your roles do not allow this"))))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/auth/nonce").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/auth/verify", "/api/auth/logout").permitAll()
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .pathMatchers("/api/admin/**").hasRole("ADMIN")
                .pathMatchers("/api/**", "/ws", "/ws/**", "/rsocket", "/rsocket/**", "/actuator/**").authenticated()
                .anyExchange().permitAll()) // the web client's static files
            .build();
    }
}
