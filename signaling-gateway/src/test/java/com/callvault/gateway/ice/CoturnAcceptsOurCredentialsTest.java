package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.ice.stun.AllocateResult;
import com.callvault.gateway.ice.stun.ErrorCode;
import com.callvault.gateway.ice.stun.RefreshResult;
import com.callvault.gateway.ice.stun.StunTransport;
import com.callvault.gateway.ice.stun.TcpTransport;
import com.callvault.gateway.ice.stun.TurnAllocation;
import com.callvault.gateway.ice.stun.TurnClient;
import com.callvault.gateway.ice.stun.TurnRejected;
import com.callvault.gateway.ice.stun.UdpTransport;
import com.callvault.gateway.testing.TestWallet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The proof that matters: a real coturn ({@link Coturn}, {@code use-auth-secret}) allocates a relay for the credential
 * {@code GET /api/ice-servers} hands out, over every TURN URI in the answer, and refuses an expired one, one signed with
 * a secret it does not have, and accepts one signed with the previous secret of a rotation. Also shows coturn's rule
 * that expiry is checked only when an allocation is created.
 */
class CoturnAcceptsOurCredentialsTest extends RestModeIntegrationTest {

    private final TurnClient turn = new TurnClient();

    @Test
    void the_credential_we_issue_allocates_a_relay_over_every_turn_uri_in_the_answer() throws IOException {
        TestWallet wallet = TestWallet.random();
        Map<String, Object> entry = turnEntry(iceServers(signIn(wallet)));
        String username = (String) entry.get("username");
        String credential = (String) entry.get("credential");

        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) entry.get("urls");
        assertThat(urls).hasSize(2);
        for (String url : urls) {
            AllocateResult result = allocate(IceUri.parse(url, "TURN_URLS"), username, credential);

            assertThat(result).as("Allocate over %s", url).isInstanceOf(TurnAllocation.class);
            try (TurnAllocation allocation = (TurnAllocation) result) {
                assertThat(allocation.realm()).isEqualTo(Coturn.REALM);
                assertThat(allocation.relayedAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
                assertThat(allocation.relayedAddress().getPort()).isBetween(Coturn.shared().minRelayPort, Coturn.shared().maxRelayPort);
                assertThat(allocation.mappedAddress().getAddress().isLoopbackAddress()).isTrue();
                assertThat(allocation.lifetime()).isPositive();
            }
        }
    }

    @Test
    void an_expired_credential_is_rejected_with_401() throws IOException {
        Instant issuedLongAgo = Instant.now().minusSeconds(TTL_SECONDS + 60); // expired a minute ago
        TurnCredential expired = credentials(Coturn.shared().secret).issue(TestWallet.random().address(), issuedLongAgo);
        TurnCredential fresh = credentials(Coturn.shared().secret).issue(TestWallet.random().address(), Instant.now());

        AllocateResult rejected = allocate(udp(), expired.username(), expired.credential());
        AllocateResult accepted = allocate(udp(), fresh.username(), fresh.credential());

        assertThat(rejected).isInstanceOfSatisfying(TurnRejected.class,
            r -> assertThat(r.error().code()).as("coturn's answer: %s", r.error()).isEqualTo(ErrorCode.UNAUTHORIZED));
        assertThat(accepted).isInstanceOf(TurnAllocation.class);
        ((TurnAllocation) accepted).close();
    }

    @Test
    void a_credential_signed_with_a_secret_coturn_does_not_have_is_rejected_with_401() throws IOException {
        TurnCredential forged = credentials("a-secret-coturn-does-not-know").issue(TestWallet.random().address(), Instant.now());

        assertThat(allocate(udp(), forged.username(), forged.credential())).isInstanceOfSatisfying(TurnRejected.class,
            r -> assertThat(r.error().code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    @Test
    void during_a_rotation_a_credential_signed_with_the_previous_secret_still_allocates() throws IOException {
        TurnCredential beforeRotation = credentials(Coturn.shared().previousSecret).issue(TestWallet.random().address(), Instant.now());

        AllocateResult result = allocate(udp(), beforeRotation.username(), beforeRotation.credential());

        assertThat(result).isInstanceOf(TurnAllocation.class);
        ((TurnAllocation) result).close();
    }

    @Test
    void expiry_is_checked_when_an_allocation_is_created_not_while_it_lives() throws IOException {
        // a credential with two to three seconds left
        TurnCredential shortLived = credentials(Coturn.shared().secret)
            .issue(TestWallet.random().address(), Instant.now().minusSeconds(TTL_SECONDS - 3));
        AllocateResult result = allocate(udp(), shortLived.username(), shortLived.credential());
        assertThat(result).isInstanceOf(TurnAllocation.class);

        try (TurnAllocation allocation = (TurnAllocation) result) {
            // coturn reads the clock once a second and compares whole seconds, so a credential is refused
            // reliably only a little after its expiry has passed
            await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(shortLived.expiresAt().plusSeconds(3)));

            assertThat(allocation.refresh(Duration.ofMinutes(10))).as("the live allocation is refreshed with the expired credential")
                .isInstanceOf(RefreshResult.Refreshed.class);
            assertThat(allocate(udp(), shortLived.username(), shortLived.credential())).as("a new allocation is refused")
                .isInstanceOfSatisfying(TurnRejected.class, r -> assertThat(r.error().code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        }
    }

    private static TurnRestCredentials credentials(String secret) {
        return new TurnRestCredentials(List.of(secret), USER_PREFIX, Duration.ofSeconds(TTL_SECONDS));
    }

    private static IceUri udp() {
        return IceUri.parse(turnUri("udp"), "TURN_URLS");
    }

    /**
     * Allocates over the URI's transport; a rejection closes the transport here, an allocation owns it. A 437 (coturn
     * still holds an allocation for the local port the system handed out: one a browser test left, say) is tried once
     * more from another port, as ice-verify does.
     */
    private AllocateResult allocate(IceUri uri, String username, String password) throws IOException {
        InetSocketAddress server = new InetSocketAddress(uri.host(), uri.effectivePort());
        StunTransport taken = null;
        try {
            for (int attempt = 1; ; attempt++) {
                StunTransport transport = uri.effectiveTransport().equals("tcp")
                    ? TcpTransport.connect(server, Duration.ofSeconds(5)) : UdpTransport.open(server);
                if (taken != null) {
                    taken.close(); // only now, so that the new socket could not get its port
                    taken = null;
                }
                AllocateResult result;
                try {
                    result = turn.allocate(transport, username, password);
                } catch (IOException | RuntimeException e) {
                    transport.close();
                    throw e;
                }
                if (attempt == 1 && result instanceof TurnRejected rejected && rejected.error().code() == ErrorCode.ALLOCATION_MISMATCH) {
                    taken = transport;
                    continue;
                }
                if (result instanceof TurnRejected) {
                    transport.close();
                }
                return result;
            }
        } finally {
            if (taken != null) {
                taken.close();
            }
        }
    }
}
