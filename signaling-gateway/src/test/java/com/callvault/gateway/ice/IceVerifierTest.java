package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.ice.verify.IceProber;
import com.callvault.gateway.ice.verify.IceVerifier;
import com.callvault.gateway.ice.verify.IceVerifyReport;
import com.callvault.gateway.ice.verify.ProbeResult;
import com.callvault.gateway.ice.verify.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ice-verify against a real coturn ({@link Coturn}, {@code use-auth-secret}): each verdict as an operator meets it.
 * The verifier is built as the app builds it, from the same settings, without the HTTP layer
 * ({@link IceVerifyEndpointTest} covers that).
 */
class IceVerifierTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @BeforeAll
    static void coturnRunning() {
        Coturn.shared();
    }

    static IceVerifyReport verify(List<String> secrets, List<String> turn, List<String> stun, List<String> externalIp, Clock clock) {
        IceSettings settings = IceSettings.from(new IceProperties("rest", secrets, turn, "", "", stun, Duration.ofHours(1), "cv-"));
        return verify(settings, externalIp, "", clock);
    }

    static IceVerifyReport verify(IceSettings settings, List<String> externalIp, String tlsTrust, Clock clock) {
        IceCheckSettings checks = IceCheckSettings.from(new IceCheckProperties(externalIp, tlsTrust, TIMEOUT, false, null, null, null, null));
        try (IceProber prober = new IceProber(settings, checks, clock)) {
            return new IceVerifier(settings, checks, prober, clock).verify();
        }
    }

    private static List<String> coturnUris() {
        return List.of(Coturn.shared().turnUri("udp"), Coturn.shared().turnUri("tcp"));
    }

    @Test
    void with_the_right_secret_every_uri_answers_and_relays_at_the_external_ip() {
        IceVerifyReport report = verify(List.of(Coturn.shared().secret), coturnUris(), List.of("stun:127.0.0.1:" + Coturn.shared().port),
            List.of("127.0.0.1"), Clock.systemUTC());

        assertThat(report.verdict()).isEqualTo("ok");
        assertThat(report.stun()).singleElement().satisfies(stun -> {
            assertThat(stun.verdict()).isEqualTo(Verdict.OK);
            assertThat(stun.reflexiveAddress()).startsWith("127.0.0.1:");
            assertThat(stun.bindingMillis()).isNotNull();
        });
        assertThat(report.turn()).hasSize(2).allSatisfy(turn -> {
            assertThat(turn.verdict()).as(turn.detail()).isEqualTo(Verdict.OK);
            assertThat(turn.realm()).isEqualTo(Coturn.REALM);
            int relayPort = Integer.parseInt(turn.relayedAddress().substring("127.0.0.1:".length()));
            assertThat(relayPort).isBetween(Coturn.shared().minRelayPort, Coturn.shared().maxRelayPort);
            assertThat(turn.detail()).contains("it is TURN_EXTERNAL_IP");
            assertThat(turn.allocateMillis()).isNotNull();
        });
        assertThat(report.turn()).extracting(ProbeResult::transport).containsExactly("udp", "tcp");
    }

    @Test
    void a_secret_coturn_does_not_hold_is_a_wrong_secret() {
        IceVerifyReport report = verify(List.of("a-secret-coturn-does-not-know"), coturnUris(), List.of(), List.of(), Clock.systemUTC());

        assertThat(report.verdict()).isEqualTo("failing");
        assertThat(report.turn()).allSatisfy(turn -> {
            assertThat(turn.verdict()).isEqualTo(Verdict.WRONG_CREDENTIALS);
            assertThat(turn.detail()).contains("401 Unauthorized").contains("does not hold this secret")
                .doesNotContain("a-secret-coturn-does-not-know");
        });
    }

    @Test
    void a_signing_secret_coturn_lacks_during_a_rotation_is_named() {
        IceVerifyReport report = verify(List.of("the-new-secret-not-yet-in-coturn", Coturn.shared().secret), coturnUris(), List.of(), List.of(),
            Clock.systemUTC());

        assertThat(report.turn()).allSatisfy(turn -> {
            assertThat(turn.verdict()).isEqualTo(Verdict.WRONG_CREDENTIALS);
            assertThat(turn.detail()).contains("secret #2 of TURN_SECRET is accepted");
        });
    }

    @Test
    void a_clock_behind_coturns_by_more_than_the_ttl_is_clock_skew_not_a_wrong_secret() {
        Clock twoHoursBehind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)); // our credentials expire before coturn's now

        IceVerifyReport report = verify(List.of(Coturn.shared().secret), coturnUris(), List.of(), List.of(), twoHoursBehind);

        assertThat(report.turn()).allSatisfy(turn -> {
            assertThat(turn.verdict()).as(turn.detail()).isEqualTo(Verdict.CLOCK_SKEW);
            assertThat(turn.detail()).contains("clock is at least 3600 s ahead");
        });
    }

    @Test
    void a_relay_at_another_address_than_turn_external_ip_is_a_mismatch() {
        IceVerifyReport report = verify(List.of(Coturn.shared().secret), coturnUris(), List.of(), List.of("198.51.100.7"), Clock.systemUTC());

        assertThat(report.verdict()).isEqualTo("degraded");
        assertThat(report.externalIps()).containsExactly("198.51.100.7");
        assertThat(report.turn()).allSatisfy(turn -> {
            assertThat(turn.verdict()).isEqualTo(Verdict.RELAY_ADDRESS_MISMATCH);
            assertThat(turn.detail()).contains("TURN_EXTERNAL_IP says [198.51.100.7]").contains("browsers would be sent to 127.0.0.1");
        });
    }

    @Test
    void without_turn_external_ip_the_relay_is_not_compared_and_a_private_one_is_pointed_out() {
        IceVerifyReport report = verify(List.of(Coturn.shared().secret), coturnUris(), List.of(), List.of(), Clock.systemUTC());

        assertThat(report.turn()).allSatisfy(turn -> {
            assertThat(turn.verdict()).isEqualTo(Verdict.OK);
            assertThat(turn.detail()).contains("TURN_EXTERNAL_IP is not set").contains("It is a private address");
        });
    }

    @Test
    void a_stopped_coturn_is_unreachable_over_udp_and_tcp() {
        Coturn stopped = Coturn.start(null, null);
        stopped.stop();

        IceVerifyReport report = verify(List.of(stopped.secret), List.of(stopped.turnUri("udp"), stopped.turnUri("tcp")),
            List.of("stun:127.0.0.1:" + stopped.port), List.of(), Clock.systemUTC());

        assertThat(report.verdict()).isEqualTo("failing");
        assertThat(report.stun().getFirst().verdict()).isEqualTo(Verdict.UNREACHABLE);
        assertThat(report.turn()).extracting(ProbeResult::verdict).containsExactly(Verdict.UNREACHABLE, Verdict.UNREACHABLE);
        assertThat(report.turn().get(0).detail()).contains("Nothing listens on UDP 127.0.0.1:" + stopped.port);
        assertThat(report.turn().get(1).detail()).contains("Connection refused at 127.0.0.1:" + stopped.port + " over TCP");
    }

    @Test
    void servers_that_never_answer_time_out_by_the_checks_own_deadline() throws Exception {
        try (SilentServers silent = new SilentServers()) {
            IceVerifyReport report = verify(List.of(Coturn.shared().secret),
                List.of("turn:127.0.0.1:" + silent.silentUdpPort() + "?transport=udp", "turn:127.0.0.1:" + silent.silentTcpPort() + "?transport=tcp",
                    "turns:127.0.0.1:" + silent.silentTcpPort() + "?transport=tcp"),
                List.of(), List.of(), Clock.systemUTC());

            assertThat(report.turn()).extracting(ProbeResult::verdict).containsOnly(Verdict.TIMEOUT);
            assertThat(report.turn().get(0).detail()).contains("STUN Binding").contains("UDP");
            assertThat(report.turn().get(2).detail()).contains("TLS handshake");
        }
    }

    @Test
    void custom_mode_checks_the_static_credential() {
        // coturn runs use-auth-secret: a static user is a REST username with an expiry far ahead and its password
        String username = (System.currentTimeMillis() / 1000 + 86_400) + ":static-user";
        String password = TurnRestCredentials.password(Coturn.shared().secret, username);
        IceSettings good = IceSettings.from(new IceProperties("custom", List.of(), coturnUris(), username, password, List.of(), null, ""));
        IceSettings wrong = IceSettings.from(new IceProperties("custom", List.of(), coturnUris(), username, "not-the-password", List.of(), null, ""));

        assertThat(verify(good, List.of(), "", Clock.systemUTC()).turn()).extracting(ProbeResult::verdict).containsOnly(Verdict.OK);
        assertThat(verify(wrong, List.of(), "", Clock.systemUTC()).turn()).allSatisfy(turn -> {
            assertThat(turn.verdict()).isEqualTo(Verdict.WRONG_CREDENTIALS);
            assertThat(turn.detail()).contains("TURN_USERNAME/TURN_CREDENTIAL").doesNotContain("not-the-password");
        });
    }

    @Test
    void nothing_configured_is_said_so() {
        IceVerifyReport report = verify(IceSettings.from(new IceProperties("none", List.of(), List.of(), "", "", List.of(), null, "")),
            List.of(), "", Clock.systemUTC());

        assertThat(report.verdict()).isEqualTo("not-configured");
        assertThat(report.summary()).contains("No STUN or TURN URI is configured");
    }
}
