package com.callvault.gateway.diagnostics;

import com.callvault.gateway.attachments.AttachmentProperties;
import com.callvault.gateway.database.DatabaseUrl;
import com.callvault.gateway.ice.IceProperties;
import com.callvault.gateway.push.PushProperties;
import com.callvault.gateway.settings.CallVaultProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar callvault.jar diagnose [--json] [--NAME=value ...]}: the diagnostics an admin gets over HTTP, for an
 * operator at a shell, against the configuration in the environment (the same variables the server reads; a
 * {@code --NAME=value} argument overrides one). It starts no server: only the settings, a small pool to
 * {@code DATABASE_URL}, and the checks that need no HTTP request. Exit code 0 for ok or warn, 1 when a check fails,
 * 2 when the settings cannot even be read.
 */
public final class DiagnoseCommand {

    public static final String NAME = "diagnose";
    static final Duration WHOLE_REPORT_LIMIT = Duration.ofSeconds(60);

    private DiagnoseCommand() {
    }

    /** Runs the checks and prints the report on {@code out}; answers the exit code. */
    public static int run(String[] args, PrintStream out) {
        boolean json = false;
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (!arg.equals(NAME)) {
                springArgs.add(arg);
            }
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(CommandLineContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // the report says what went wrong; log lines would only get in its way on stdout
                .properties("logging.level.root=OFF")
                .run(springArgs.toArray(String[]::new));
        } catch (RuntimeException unreadable) {
            out.println("diagnose: the settings cannot be read: " + Diagnostics.describe(unreadable));
            return 2;
        }
        try (context) {
            DiagnosticReport report = context.getBean(Diagnostics.class).run(RequestView.NONE).block(WHOLE_REPORT_LIMIT);
            out.print(json ? JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
                : ReportText.render(report));
            out.flush();
            return report.verdict() == CheckStatus.FAIL ? 1 : 0;
        }
    }

    /**
     * The settings as the server binds them, a database pool when {@code DATABASE_URL} is set, and the checks. Not a
     * {@code @Configuration}, so that the server's component scan leaves it alone; as the application's source it is
     * processed all the same.
     */
    @EnableConfigurationProperties({CallVaultProperties.class, IceProperties.class, PushProperties.class, AttachmentProperties.class})
    @Import(DiagnosticsConfiguration.class)
    static class CommandLineContext {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean(destroyMethod = "close")
        @Conditional(DatabaseUrlSet.class)
        HikariDataSource dataSource(CallVaultProperties properties) {
            DatabaseUrl url = DatabaseUrl.parse(properties.databaseUrl());
            HikariConfig config = new HikariConfig();
            config.setPoolName("callvault-diagnose");
            config.setJdbcUrl(url.jdbcUrl());
            config.setUsername(url.username());
            config.setPassword(url.password());
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(3_000);
            config.setInitializationFailTimeout(-1); // an unreachable database is a finding of the report, not a crash
            return new HikariDataSource(config);
        }
    }

    static final class DatabaseUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().getProperty("callvault.database-url", "").isBlank();
        }
    }
}
