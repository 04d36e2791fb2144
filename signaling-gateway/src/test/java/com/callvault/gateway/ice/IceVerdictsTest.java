package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.ice.verify.IceProber;
import com.callvault.gateway.ice.verify.ProbeOptions;
import com.callvault.gateway.ice.verify.ProbeResult;
import com.callvault.gateway.ice.verify.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdicts for answers coturn does not give on request ({@link ScriptedTurnServer}), and their words. */
class IceVerdictsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        FORBIDDEN          | FORBIDDEN        | 403 Forbidden
        NO_CAPACITY        | REJECTED         | no relay port left
        NO_RELAYED_ADDRESS | NO_RELAY_ADDRESS | without a relayed address
        OPEN_RELAY         | OPEN_RELAY       | without asking for credentials
        """)
    void each_answer_has_its_verdict_in_words(ScriptedTurnServer.Answer answer, Verdict verdict, String words) throws Exception {
        ProbeResult result = probe(answer);

        assertThat(result.verdict()).as(result.detail()).isEqualTo(verdict);
        assertThat(result.detail()).contains(words);
        assertThat(verdict.relays()).isEqualTo(answer == ScriptedTurnServer.Answer.OPEN_RELAY);
    }

    @Test
    void an_allocation_the_server_still_holds_for_the_checks_port_is_retried_from_another_port() throws Exception {
        ProbeResult result = probe(ScriptedTurnServer.Answer.TAKEN_FIRST_PORT);

        assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.OK);
        assertThat(result.relayedAddress()).isEqualTo("127.0.0.1:40000");
    }

    private static ProbeResult probe(ScriptedTurnServer.Answer answer) throws Exception {
        try (ScriptedTurnServer server = new ScriptedTurnServer(answer)) {
            IceSettings settings = IceSettings.from(new IceProperties("rest", List.of(IceSettingsTest.SECRET), List.of(server.uri()), "", "",
                List.of(), null, ""));
            IceCheckSettings checks = IceCheckSettings.from(new IceCheckProperties(List.of(), "", null, false, null, null, null, null));
            try (IceProber prober = new IceProber(settings, checks, Clock.systemUTC())) {
                return prober.probe(settings.turnUris(), new ProbeOptions(false, Duration.ofSeconds(2), Duration.ofMinutes(5))).getFirst();
            }
        }
    }
}
