package com.callvault.gateway.auth.siwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelyingPartyTest {

    @Test
    void derives_scheme_domain_and_origin_from_the_public_url_with_default_allowances() {
        RelyingParty rp = RelyingParty.forPublicUrl(URI.create("https://CallVS.com/app/"), Set.of(1L));

        assertThat(rp.scheme()).isEqualTo("https");
        assertThat(rp.domain()).isEqualTo("callvs.com");
        assertThat(rp.origin()).isEqualTo(URI.create("https://callvs.com"));
        assertThat(rp.allowedChainIds()).containsExactly(1L);
        assertThat(rp.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(rp.maxMessageAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void keeps_an_explicit_port_in_the_domain() {
        RelyingParty rp = RelyingParty.forPublicUrl(URI.create("http://localhost:8080"), Set.of(31337L));

        assertThat(rp.domain()).isEqualTo("localhost:8080");
        assertThat(rp.origin()).isEqualTo(URI.create("http://localhost:8080"));
    }

    @Test
    void refuses_a_public_url_without_scheme_or_host() {
        assertThatIllegalArgumentException().isThrownBy(() -> RelyingParty.forPublicUrl(URI.create("/login"), Set.of(1L)));
        assertThatIllegalArgumentException().isThrownBy(() -> RelyingParty.forPublicUrl(URI.create("mailto:a@b.c"), Set.of(1L)));
    }

    @Test
    void refuses_a_non_positive_message_age() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RelyingParty("https", "callvs.com",
                URI.create("https://callvs.com"), Set.of(1L), Duration.ofSeconds(60), Duration.ZERO));
    }
}
