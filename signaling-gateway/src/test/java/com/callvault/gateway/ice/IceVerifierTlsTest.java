package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.ice.verify.IceVerifyReport;
import com.callvault.gateway.ice.verify.Verdict;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ice-verify over {@code turns:} against a coturn with TLS on, its certificate self-signed by the test. */
class IceVerifierTlsTest {

    static TestCertificate certificate;
    static Coturn coturn;

    @BeforeAll
    static void coturnWithTls() {
        certificate = TestCertificate.selfSigned("ip:127.0.0.1,dns:localhost");
        coturn = Coturn.start(certificate, null);
    }

    @AfterAll
    static void stop() {
        coturn.stop();
    }

    private static IceVerifyReport verify(String uri, String tlsTrust) {
        IceSettings settings = IceSettings.from(new IceProperties("rest", List.of(coturn.secret), List.of(uri), "", "",
            List.of("stuns:127.0.0.1:" + coturn.tlsPort), null, ""));
        return IceVerifierTest.verify(settings, List.of("127.0.0.1"), tlsTrust, Clock.systemUTC());
    }

    @Test
    void a_trusted_certificate_allocates_over_tls() {
        IceVerifyReport report = verify("turns:127.0.0.1:" + coturn.tlsPort + "?transport=tcp", certificate.certificate().toString());

        assertThat(report.verdict()).as(report.summary()).isEqualTo("ok");
        assertThat(report.turn()).singleElement().satisfies(turn -> {
            assertThat(turn.transport()).isEqualTo("tls");
            assertThat(turn.verdict()).as(turn.detail()).isEqualTo(Verdict.OK);
            assertThat(turn.relayedAddress()).startsWith("127.0.0.1:");
        });
        assertThat(report.stun()).singleElement().satisfies(stun -> assertThat(stun.verdict()).isEqualTo(Verdict.OK));
    }

    @Test
    void a_certificate_the_jdk_does_not_trust_is_a_tls_failure() {
        IceVerifyReport report = verify("turns:127.0.0.1:" + coturn.tlsPort, "");

        assertThat(report.turn()).singleElement().satisfies(turn -> {
            assertThat(turn.verdict()).isEqualTo(Verdict.TLS_FAILURE);
            assertThat(turn.detail()).contains("not trusted").contains("TURN_TLS_TRUST");
        });
    }

    @Test
    void a_certificate_for_another_host_is_a_tls_failure() {
        TestCertificate other = TestCertificate.selfSigned("dns:turn.example.com");

        IceVerifyReport report = verify("turns:127.0.0.1:" + coturn.tlsPort, other.certificate().toString());

        assertThat(report.turn()).singleElement().satisfies(turn -> assertThat(turn.verdict()).isEqualTo(Verdict.TLS_FAILURE));
    }

    @Test
    void coturn_also_speaks_tls_on_its_plain_listening_port() {
        IceVerifyReport report = verify("turns:127.0.0.1:" + coturn.port, certificate.certificate().toString());

        assertThat(report.turn()).singleElement().satisfies(turn -> assertThat(turn.verdict()).isEqualTo(Verdict.OK));
    }
}
