package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answer of each mode on a fixed clock. */
class IceServersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2023-11-14T22:03:20.400Z"), ZoneOffset.UTC);
    static final String ADDRESS = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045";

    @Test
    void rest_mode_issues_a_credential_expiring_ttl_from_now() {
        IceSettings settings = IceSettings.from(new IceProperties("rest", List.of("north-secret-for-tests"),
            List.of("turn:turn.callvs.com?transport=udp"), "", "", List.of("stun:turn.callvs.com"), Duration.ofMinutes(10), ""));

        IceServersResponse answer = new IceServers(settings, CLOCK).forUser(ADDRESS);

        assertThat(answer.mode()).isEqualTo("rest");
        assertThat(answer.ttl()).isEqualTo(600);
        assertThat(answer.expiresAt()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(answer.iceServers()).containsExactly(
            new IceServersResponse.IceServer(List.of("stun:turn.callvs.com"), null, null),
            new IceServersResponse.IceServer(List.of("turn:turn.callvs.com?transport=udp"), "1700000000:edc36d68a02dc5d7",
                TurnRestCredentials.password("north-secret-for-tests", "1700000000:edc36d68a02dc5d7")));
    }

    @Test
    void none_mode_with_stun_urls_gives_only_stun() {
        IceSettings settings = IceSettings.from(new IceProperties("none", List.of(), List.of(), "", "",
            List.of("stun:stun.l.google.com:19302"), Duration.ofHours(1), ""));

        IceServersResponse answer = new IceServers(settings, CLOCK).forUser(ADDRESS);

        assertThat(answer.mode()).isEqualTo("none");
        assertThat(answer.iceServers()).containsExactly(new IceServersResponse.IceServer(List.of("stun:stun.l.google.com:19302"), null, null));
        assertThat(answer.expiresAt()).isEqualTo(Instant.parse("2023-11-14T23:03:20Z"));
    }
}
