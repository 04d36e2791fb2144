package com.callvault.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The summary at the end: a table (figure, value, baseline/target, ratio, verdict against issue 3's targets),
 * details that explain the figures, and where the CPU went in each phase.
 */
final class Report {

    private record Row(String step, String figure, String value, String target, String ratio, String verdict) {
    }

    private final State state;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    Report(State state) {
        this.state = state;
    }

    /** Prints everything; answers true when every step ran (targets may still be missed). */
    boolean print(String heading) {
        double baseline = state.number("baseline.rowsPerSecond");
        row("1", "PostgreSQL single-row INSERT, " + integer(state.number("baseline.clients")) + " clients, autocommit",
            rate(baseline, "rows/s"), "reference (stack notes ≈ 12.4k)", "", "");
        detail("1", "synchronous_commit=" + state.text("baseline.synchronousCommit") + ", fsync=" + state.text("baseline.fsync")
            + "; PostgreSQL per row: " + text("baseline.dbWorkPerRow"));
        detail("1", "average stored row: scratch table " + integer(state.number("baseline.rowBytes")) + " B, the app's MessageSent rows "
            + integer(state.number("events.messageSentRowBytes")) + " B (pg_column_size)");

        double throughput = state.number("throughput.msgsPerSecond");
        row("2", "persisted msgs/s, " + integer(state.number("throughput.senders")) + " senders, window " + integer(state.number("throughput.window")),
            rate(throughput, "msgs/s"), "≥ 0.5 × baseline = " + rate(0.5 * baseline, "msgs/s"), ratio(throughput, baseline),
            verdict(throughput >= 0.5 * baseline, throughput, baseline));
        double acked = state.number("throughput.acked") - state.number("throughput.duplicates");
        double persisted = state.number("throughput.persisted");
        row("2", "acked sends = MessageSent rows (SQL)", integer(acked) + " = " + integer(persisted), "equal, no errors", "",
            Double.isNaN(persisted) ? "n/a" : persisted == acked && state.number("throughput.errors") == 0 ? "PASS" : "FAIL");
        detail("2", "ack latency p50 " + ms(state.number("throughput.ackP50Ms")) + ", p99 " + ms(state.number("throughput.ackP99Ms"))
            + " (a window of 32 queued per socket); aggregates loaded from the store (not the cache): "
            + integer(state.number("throughput.aggregateLoads")) + "; store rate over the window (head growth) "
            + rate(state.number("throughput.storeEventsPerSecond"), "events/s"));
        detail("2", "PostgreSQL per message (projections included; WAL server-wide): " + text("throughput.dbWorkPerMessage"));
        JsonNode cpuBaseline = state.cpu().get("1 baseline inserts");
        JsonNode cpuThroughput = null;
        for (var e : state.cpu().properties()) {
            if (e.getKey().startsWith("2 ")) {
                cpuThroughput = e.getValue();
            }
        }
        if (cpuThroughput != null && throughput > 0) {
            detail("2", String.format(Locale.ROOT, "CPU per message: app %.2f ms, PostgreSQL %.2f ms, generator %.2f ms%s",
                cpuThroughput.get("app").asDouble() / throughput * 1000, cpuThroughput.get("postgres").asDouble() / throughput * 1000,
                cpuThroughput.get("generator").asDouble() / throughput * 1000,
                cpuBaseline == null || !(baseline > 0) ? "" : String.format(Locale.ROOT, " (baseline: PostgreSQL %.3f ms per row)",
                    cpuBaseline.get("postgres").asDouble() / baseline * 1000)));
        }
        if (state.text("throughput.firstError") != null) {
            detail("2", "first error: " + state.text("throughput.firstError"));
        }

        double longRate = state.number("long.closedLoopLongMsgsPerSecond");
        double newRate = state.number("long.closedLoopNewMsgsPerSecond");
        row("3", "closed loop, 1 sender, new conversation", rate(newRate, "msgs/s"), "reference", "", "");
        row("3", "closed loop, 1 sender, " + integer(state.number("long.eventsInLongConversation")) + "-event conversation",
            rate(longRate, "msgs/s"), "≥ 0.8 × new", ratio(longRate, newRate), verdict(longRate >= 0.8 * newRate, longRate, newRate));
        detail("3", "filled " + integer(state.number("long.fill")) + " messages at " + rate(state.number("long.fillMsgsPerSecond"), "msgs/s")
            + " (1 socket, window 32); closed-loop ack latency new p50 " + ms(state.number("long.closedLoop.new.p50Ms")) + " p99 "
            + ms(state.number("long.closedLoop.new.p99Ms")) + ", long p50 " + ms(state.number("long.closedLoop.long.p50Ms")) + " p99 "
            + ms(state.number("long.closedLoop.long.p99Ms")) + "; aggregate loads from the store: new "
            + integer(state.number("long.closedLoop.new.aggregateLoads")) + ", long " + integer(state.number("long.closedLoop.long.aggregateLoads")));
        JsonNode smallFirst = state.results().get("cold.smallFirstMs");
        if (smallFirst != null) {
            List<String> small = new ArrayList<>();
            smallFirst.forEach(v -> small.add(ms(v.asDouble())));
            row("3", "1st send after a restart, " + integer(state.number("cold.longEvents")) + "-event conversation",
                ms(state.number("cold.longFirstMs")), "info (not in cache)", "", "");
            detail("3", "after the restart (JIT cold too): first sends into 3 small uncached conversations " + String.join(", ", small)
                + "; into the long one " + ms(state.number("cold.longFirstMs")) + " (its latest snapshot at sequence "
                + integer(state.number("cold.longSnapshotSeq")) + " of " + integer(state.number("cold.longEvents")) + "); then cached p50 "
                + ms(state.number("cold.longWarmP50Ms")));
        }

        latencyRows("latency", true);
        latencyRows("latency8", false);

        JsonNode lag = state.results().get("lag.maxDuringLoad");
        if (lag != null) {
            List<String> parts = new ArrayList<>();
            String worst = "";
            long worstLag = -1;
            for (var e : lag.properties()) {
                parts.add(e.getKey() + " " + integer(e.getValue().asDouble()));
                if (e.getValue().asLong() > worstLag) {
                    worstLag = e.getValue().asLong();
                    worst = e.getKey();
                }
            }
            row("5", "max projection lag during (2)", integer(worstLag) + " events", "info (" + worst + ")", "", "");
            detail("5", "max lag during (2), events: " + String.join("; ", parts) + "; peak append rate "
                + rate(state.number("lag.peakEventsPerSecond"), "events/s") + " (1 s windows, sampled every 250 ms)");
        }
        double toZero = state.number("lag.secondsToZeroAfterLoad");
        row("5", "lag back to 0 after the load stopped", toZero < 0 ? "not in 30 s" : String.format(Locale.ROOT, "%.2f s", toZero),
            "≤ 5 s", "", Double.isNaN(toZero) ? "n/a" : toZero >= 0 && toZero <= 5 ? "PASS" : "FAIL");
        double peak = state.number("lag.peakEventsPerSecond");
        for (String variant : List.of("replay", "rebuild")) {
            String key = "catchup." + variant + ".";
            if (state.results().get(key + "events") == null) {
                continue;
            }
            double catchup = state.number(key + "eventsPerSecond");
            row("5", variant.equals("replay") ? "catch-up: tokens deleted (rows kept)" : "catch-up: tokens deleted, tables emptied",
                rate(catchup, "events/s"), "≥ 1.5 × peak of (2) = " + rate(1.5 * peak, "events/s"), ratio(catchup, 1.5 * peak),
                verdict(catchup >= 1.5 * peak, catchup, peak));
            JsonNode perProcessor = state.results().get(key + "perProcessor");
            List<String> parts = new ArrayList<>();
            if (perProcessor != null) {
                perProcessor.properties().forEach(e -> parts.add(e.getKey() + String.format(Locale.ROOT, " %.1f s", e.getValue().get("seconds").asDouble())));
            }
            detail("5", variant + ": " + integer(state.number(key + "events")) + " events replayed by every projection in "
                + String.format(Locale.ROOT, "%.1f s", state.number(key + "seconds")) + " (" + String.join(", ", parts) + "); app healthy "
                + String.format(Locale.ROOT, "%.1f s", state.number(key + "healthySecondsFromLaunch")) + ", caught up "
                + String.format(Locale.ROOT, "%.1f s", state.number(key + "secondsFromLaunch")) + " after its launch");
        }

        System.out.println();
        System.out.println(heading);
        int[] widths = {3, 6, 5, 17};
        for (Row row : rows) {
            widths[1] = Math.max(widths[1], row.figure().length());
            widths[2] = Math.max(widths[2], row.value().length());
            widths[3] = Math.max(widths[3], row.target().length());
        }
        String format = "%-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %-" + widths[3] + "s  %6s  %s%n";
        System.out.printf(format, "#", "figure", "value", "baseline / target", "ratio", "verdict");
        System.out.println("-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + 25));
        for (Row row : rows) {
            System.out.printf(format, row.step(), row.figure(), row.value(), row.target(), row.ratio(), row.verdict());
        }

        System.out.println();
        System.out.println("Details");
        details.forEach(line -> System.out.println("  " + line));

        System.out.println();
        System.out.println("CPU, cores used on average (this machine: " + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.printf("%-34s %7s %7s %10s %9s %6s %6s%n", "phase", "seconds", "app", "PostgreSQL", "generator", "other", "idle");
        double[] noisiest = {0};
        String[] noisiestPhase = {null};
        state.cpu().properties().forEach(e -> {
            JsonNode c = e.getValue();
            System.out.printf(Locale.ROOT, "%-34s %7.1f %7.2f %10.2f %9.2f %6.2f %6.2f%n", e.getKey(), c.get("seconds").asDouble(),
                c.get("app").asDouble(), c.get("postgres").asDouble(), c.get("generator").asDouble(), c.get("other").asDouble(),
                c.get("idle").asDouble());
            if (c.get("other").asDouble() > noisiest[0]) {
                noisiest[0] = c.get("other").asDouble();
                noisiestPhase[0] = e.getKey();
            }
        });
        System.out.println("(PostgreSQL = the backends of the benchmark database + WAL writer, checkpointer, background writer;"
            + " other = the rest of the machine)");
        if (noisiest[0] > 0.25) {
            System.out.printf(Locale.ROOT, "NOTE: other work on this machine used up to %.2f cores (during \"%s\"): such phases show lower"
                + " figures than a quiet machine would.%n", noisiest[0], noisiestPhase[0]);
        }

        boolean complete = state.errors().isEmpty();
        if (!complete) {
            System.out.println();
            System.out.println("BROKEN steps (the benchmark itself failed there):");
            state.errors().forEach(e -> System.out.println("  " + e.get("step").asString() + ": " + e.get("error").asString()));
        }
        return complete;
    }

    private void latencyRows(String key, boolean targets) {
        if (state.results().get(key + ".scheduled") == null) {
            return;
        }
        double received = state.number(key + ".received");
        double scheduled = state.number(key + ".scheduled");
        int sockets = (int) state.number(key + ".senderSockets");
        String rate = integer(state.number(key + ".rate"));
        String error = state.text(key + ".firstError");
        if (targets) {
            String label = "delivery latency, " + rate + " msgs/s, 1 sender socket, 8 conv.";
            row("4", label + ", p50", ms(state.number(key + ".p50Ms")), "≤ 10 ms", "", target(state.number(key + ".p50Ms"), 10));
            row("4", label + ", p90", ms(state.number(key + ".p90Ms")), "info", "", "");
            row("4", label + ", p99", ms(state.number(key + ".p99Ms")), "≤ 50 ms", "", target(state.number(key + ".p99Ms"), 50));
            row("4", label + ", max", ms(state.number(key + ".maxMs")), "info", "", "");
            row("4", "messages received by the peers", integer(received) + " / " + integer(scheduled), "all", "",
                Double.isNaN(received) ? "n/a" : received == scheduled ? "PASS" : "FAIL");
        } else {
            row("4b", "same rate from " + sockets + " sender sockets, p50 / p99", ms(state.number(key + ".p50Ms")) + " / "
                + ms(state.number(key + ".p99Ms")), "info", "", "");
        }
        detail(targets ? "4" : "4b", sockets + " sender socket(s): received " + integer(received) + " of " + integer(scheduled)
            + ", p90 " + ms(state.number(key + ".p90Ms")) + ", max " + ms(state.number(key + ".maxMs"))
            + "; generator behind its schedule at most " + ms(state.number(key + ".maxScheduleLagMs"))
            + (error == null ? "" : "; " + error));
    }

    private String text(String key) {
        String value = state.text(key);
        return value == null ? "n/a" : value;
    }

    private void row(String step, String figure, String value, String target, String ratio, String verdict) {
        rows.add(new Row(step, figure, value, target, ratio, verdict));
    }

    private void detail(String step, String text) {
        details.add("(" + step + ") " + text);
    }

    private static String verdict(boolean pass, double value, double reference) {
        return Double.isNaN(value) || Double.isNaN(reference) ? "n/a" : pass ? "PASS" : "FAIL";
    }

    private static String target(double value, double max) {
        return Double.isNaN(value) ? "n/a" : value <= max ? "PASS" : "FAIL";
    }

    private static String ratio(double value, double reference) {
        return Double.isNaN(value) || Double.isNaN(reference) || reference == 0 ? "" : String.format(Locale.ROOT, "%.2f×", value / reference);
    }

    private static String rate(double value, String unit) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f %s", value, unit).trim();
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.1f ms", value);
    }

    private static String integer(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}
