package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up check of the settings of ice-verify and the TURN health checks: each refusal names its variable. */
class IceCheckSettingsTest {

    static IceCheckProperties properties(List<String> externalIp, String tlsTrust) {
        return new IceCheckProperties(externalIp, tlsTrust, null, null, null, null, null, null);
    }

    @Test
    void nothing_set_gives_the_documented_defaults() throws Exception {
        IceCheckSettings settings = IceCheckSettings.from(properties(null, null));

        assertThat(settings.externalIps()).isEmpty();
        assertThat(settings.tls()).isSameAs(SSLContext.getDefault());
        assertThat(settings.verifyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.health()).isEqualTo(new IceCheckSettings.Health(true, Duration.ofSeconds(30), Duration.ofSeconds(5), 2, 1));
    }

    @Test
    void external_ips_are_ip_addresses_v4_or_v6() {
        IceCheckSettings settings = IceCheckSettings.from(properties(List.of("203.0.113.7", "2001:db8::7", "[2001:db8::8]"), ""));

        assertThat(settings.externalIps()).extracting(java.net.InetAddress::getHostAddress)
            .containsExactly("203.0.113.7", "2001:db8:0:0:0:0:0:7", "2001:db8:0:0:0:0:0:8");
    }

    @Test
    void a_host_name_or_garbage_as_external_ip_is_refused() {
        refused(properties(List.of("turn.callvs.com"), ""), "TURN_EXTERNAL_IP holds 'turn.callvs.com': write the relay's public IP address");
        refused(properties(List.of("300.1.1.1"), ""), "TURN_EXTERNAL_IP holds '300.1.1.1'");
        refused(properties(List.of("2001:db8::zz"), ""), "TURN_EXTERNAL_IP holds '2001:db8::zz'");
    }

    @Test
    void a_trust_file_must_exist_and_hold_a_certificate(@TempDir Path dir) throws Exception {
        refused(properties(List.of(), dir.resolve("missing.pem").toString()), "TURN_TLS_TRUST names '" + dir.resolve("missing.pem"));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        refused(properties(List.of(), garbage.toString()), "TURN_TLS_TRUST names '" + garbage + "', which holds no");

        TestCertificate certificate = TestCertificate.selfSigned("ip:127.0.0.1");
        assertThat(IceCheckSettings.from(properties(List.of(), certificate.certificate().toString())).tlsTrust())
            .isEqualTo(certificate.certificate().toString());
    }

    @Test
    void timeouts_intervals_and_thresholds_are_bounded() {
        refused(new IceCheckProperties(null, null, Duration.ofMillis(100), null, null, null, null, null), "ICE_VERIFY_TIMEOUT must be between");
        refused(new IceCheckProperties(null, null, null, null, Duration.ofMillis(200), null, null, null), "TURN_HEALTH_INTERVAL must be between");
        refused(new IceCheckProperties(null, null, null, null, null, Duration.ofMinutes(5), null, null), "TURN_HEALTH_TIMEOUT must be between");
        refused(new IceCheckProperties(null, null, null, null, null, null, 0, null), "TURN_HEALTH_FAILURES must be from 1 to 10, got 0");
        refused(new IceCheckProperties(null, null, null, null, null, null, null, 11), "TURN_HEALTH_RECOVERIES must be from 1 to 10, got 11");
    }

    private static void refused(IceCheckProperties properties, String message) {
        assertThatThrownBy(() -> IceCheckSettings.from(properties)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}
