package com.callvault.gateway.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callvault.gateway.CallVaultApplication;
import com.callvault.gateway.settings.InvalidSettingException;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.PostgresForTests;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole app refuses to start with a malformed STUN/TURN setting, and says so in Spring Boot's start-up failure
 * report: the variable, the value and what is wrong, with no stack trace to read through.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadIceSettingsStopTheStartTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        TURN_URLS        | turn://callvs.com:3478      | TURN_URLS holds an invalid URI 'turn://callvs.com:3478': write turn:host:port, without '//'
        TURN_URLS        | turn:callvs.com:3478?tcp    | TURN_URLS holds an invalid URI 'turn:callvs.com:3478?tcp': the only parameter is ?transport=udp or ?transport=tcp
        STUN_URLS        | stun:callvs.com:99999       | STUN_URLS holds an invalid URI 'stun:callvs.com:99999': the port must be a number from 1 to 65535
        TURN_EXTERNAL_IP | turn.callvs.com             | TURN_EXTERNAL_IP holds 'turn.callvs.com': write the relay's public IP address
        """)
    void a_malformed_setting_stops_the_start_naming_the_variable(String variable, String value, String message, CapturedOutput output) {
        String[] args = {"--PORT=0", "--DATABASE_URL=" + PostgresForTests.databaseUrl(), "--PUBLIC_URL=" + GatewayIntegrationTest.PUBLIC_URL,
            "--LOG_FORMAT=", "--spring.jmx.enabled=false", "--TURN_MODE=rest", "--TURN_SECRET=" + IceSettingsTest.SECRET,
            "--TURN_URLS=turn:127.0.0.1:3478", "--TURN_HEALTH_ENABLED=false", "--" + variable + "=" + value};

        assertThatThrownBy(() -> new SpringApplicationBuilder(CallVaultApplication.class).run(args).close())
            .rootCause().isInstanceOf(InvalidSettingException.class).hasMessageStartingWith(message);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains("Description:\n\n" + message)
            .doesNotContain(IceSettingsTest.SECRET);
    }
}
