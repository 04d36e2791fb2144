package com.callvault.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

/**
 * The messaging benchmark of issue 3 ("Performance"), run by ops/bench/messaging.sh in phases around app
 * restarts, handing results on in a state file:
 * <pre>
 *   measure            steps 1–4, and the projection lag during step 2   (app running)
 *   reset-projections  delete the projection tokens (--truncate: and their rows)   (app stopped)
 *   catchup            time the replay while the app starts (--cold-sends: then the uncached first sends)
 *   report             print the table; exit 1 only if a step broke
 * </pre>
 */
public final class MessagingBenchmark {

    private MessagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        State state = State.load(Path.of(options.get("state")));
        int exit = 0;
        try {
            switch (options.command()) {
                case "measure" -> measure(options, state);
                case "reset-projections" -> new Catchup(database(options), state)
                    .reset(options.get("variant"), options.flag("truncate"));
                case "catchup" -> catchup(options, state);
                case "report" -> exit = new Report(state).print(options.get("heading", "CallVault messaging benchmark")) ? 0 : 1;
                default -> throw new IllegalArgumentException("unknown command " + options.command());
            }
        } catch (Exception e) {
            state.error(options.command(), e);
            state.save();
            System.err.println("benchmark phase '" + options.command() + "' broke: " + e);
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    private static void measure(Options options, State state) throws Exception {
        Database database = database(options);
        HttpClient http = http();
        Api api = new Api(http, options.get("app-url"), options.get("public-url"));
        api.awaitHealthy(Duration.ofSeconds(60));
        state.context().put("postmasterPid", postmasterPid(database));
        state.save();
        new MeasurePhase(options, state, http, api, database, cpu(options, state), body(options)).run();
    }

    private static void catchup(Options options, State state) throws Exception {
        Database database = database(options);
        HttpClient http = http();
        Api api = new Api(http, options.get("app-url"), options.get("public-url"));
        String variant = options.get("variant");
        new Catchup(database, state).watch(variant, api, cpu(options, state), options.getLong("launched-at-ms", System.currentTimeMillis()),
            options.getLong("timeout-seconds", 150) * 1000);
        if (options.flag("cold-sends")) {
            api.awaitHealthy(Duration.ofSeconds(60));
            try {
                new ColdSends(state, database).run(http, api, body(options));
            } catch (Exception e) {
                state.error("cold sends", e);
                state.save();
                log("cold sends broke: %s", e);
            }
        }
    }

    /** A chat-sized body (default 120 characters) as a JSON string literal. */
    private static String body(Options options) {
        int chars = (int) options.getLong("body-chars", 120);
        String text = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs. ".repeat(chars / 40 + 1)
            .substring(0, chars);
        return Json.quote(text);
    }

    private static Database database(Options options) {
        return new Database(options.get("database-url"));
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static CpuMeter cpu(Options options, State state) {
        long postmaster = state.context().path("postmasterPid").asLong(0);
        return new CpuMeter(options.getLong("app-pid", 0), postmaster, database(options).name(), options.getLong("clk-tck", 100));
    }

    /** The local PostgreSQL server's postmaster (for its CPU time), or 0 when it is not on this machine. */
    private static long postmasterPid(Database database) {
        try (Connection connection = database.connect()) {
            String directory = Database.queryString(connection, "SHOW data_directory");
            Path pidFile = Path.of(directory, "postmaster.pid");
            if (directory != null && Files.isReadable(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
                return Files.exists(Path.of("/proc", Long.toString(pid))) ? pid : 0;
            }
        } catch (Exception e) {
            // not local, or no permission: PostgreSQL's CPU is then counted under "other"
        }
        return 0;
    }

    static void log(String format, Object... args) {
        MeasurePhase.log(format, args);
    }
}
