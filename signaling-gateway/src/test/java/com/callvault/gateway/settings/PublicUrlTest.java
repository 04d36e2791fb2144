package com.callvault.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicUrlTest {

    @Test
    void an_https_origin_is_secure_and_its_default_port_is_left_out() {
        PublicUrl url = PublicUrl.parse("https://CallVS.com:443/");
        assertThat(url.secure()).isTrue();
        assertThat(url.authority()).isEqualTo("callvs.com");
        assertThat(url.origin()).isEqualTo("https://callvs.com");
    }

    @Test
    void a_local_origin_keeps_its_port() {
        PublicUrl url = PublicUrl.parse("http://localhost:8080");
        assertThat(url.secure()).isFalse();
        assertThat(url.authority()).isEqualTo("localhost:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"callvs.com", "ftp://callvs.com", "https://callvs.com/app", "https://user@callvs.com", "https://callvs.com?x=1", ""})
    void anything_but_an_http_origin_is_refused_naming_the_variable(String bad) {
        assertThatIllegalArgumentException().isThrownBy(() -> PublicUrl.parse(bad)).withMessageStartingWith("PUBLIC_URL");
    }

    @Test
    void admin_addresses_are_parsed_and_a_bad_one_names_the_variable() {
        AdminAddresses admins = AdminAddresses.parse(List.of(" 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ", ""));
        assertThat(admins.addresses()).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> AdminAddresses.parse(List.of("0x123")))
            .withMessageStartingWith("ADMIN_ADDRESSES");
    }
}
