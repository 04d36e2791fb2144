package com.callvault.bench.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table at the end (figure, value, baseline/target, ratio, verdict against issue 4's targets), details, and the CPU per phase. */
final class Report {

    private record Row(String step, String figure, String value, String target, String ratio, String verdict) {
    }

    private final Results r;
    private final Options options;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    Report(Results results, Options options) {
        this.r = results;
        this.options = options;
    }

    void print() {
        String pairs = integer(r.number("pairs"));
        boolean all = !options.get("only", "all").equals("idle");
        if (all) {
            relay();
        }
        double appRss = r.number("idle.app.rssPerSocketKiB");
        double bareRss = r.number("idle.bare.rssPerSocketKiB");
        row("4", "RSS per idle connection (" + integer(r.number("idle.app.sockets")) + " sockets, " + integer(r.number("idle.app.users"))
            + " users)", kib(appRss), "≤ 16 KiB (bare " + kib(bareRss) + ")", ratio(appRss, bareRss),
            Double.isNaN(appRss) ? "n/a" : appRss <= 16 ? "PASS" : "FAIL");
        for (String t : List.of("bare", "app")) {
            String k = "idle." + t + ".";
            detail("4", String.format(Locale.ROOT, "%s: RSS %s → %s KiB (after full GCs), %s per socket; without the second GC %s per socket;"
                    + " Java heap in use %s per socket; %s still open of %s; opened in %.1f s; fds +%s", t, integer(r.number(k + "rssBeforeKiB")),
                integer(r.number(k + "rssAfterKiB")), kib(r.number(k + "rssPerSocketKiB")), kib(r.number(k + "rssNoGcPerSocketKiB")),
                kib(r.number(k + "heapPerSocketKiB")), integer(r.number(k + "stillOpen")), integer(r.number(k + "sockets")),
                r.number(k + "openSeconds"), integer(r.number(k + "fdsAdded"))));
        }
        for (String t : List.of("bare", "app")) {
            if (r.get("idle." + t + ".heapPerSocketByClass") instanceof List<?> grown) {
                detail("4", t + " heap per idle socket by class (jcmd GC.class_histogram, bytes and instances per socket): "
                    + String.join("; ", grown.stream().map(Object::toString).toList()));
            }
        }
        if (all) {
            setups(pairs);
        }

        System.out.println();
        System.out.println(options.get("heading", "CallVault call signaling benchmark"));
        int[] w = {2, 6, 5, 17};
        for (Row row : rows) {
            w[1] = Math.max(w[1], row.figure().length());
            w[2] = Math.max(w[2], row.value().length());
            w[3] = Math.max(w[3], row.target().length());
        }
        String format = "%-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %-" + w[3] + "s  %6s  %s%n";
        System.out.printf(format, "#", "figure", "value", "baseline / target", "ratio", "verdict");
        System.out.println("-".repeat(w[0] + w[1] + w[2] + w[3] + 24));
        rows.forEach(row -> System.out.printf(format, row.step(), row.figure(), row.value(), row.target(), row.ratio(), row.verdict()));

        System.out.println();
        System.out.println("Details");
        details.forEach(line -> System.out.println("  " + line));

        System.out.println();
        System.out.println("CPU, cores used on average (this machine: " + Runtime.getRuntime().availableProcessors() + " cores; target = the app or"
            + " the bare forwarder, whichever the phase loads)");
        System.out.printf("%-34s %7s %7s %10s %9s %6s %6s%n", "phase", "seconds", "target", "PostgreSQL", "generator", "other", "idle");
        double noisiest = 0;
        String noisiestPhase = null;
        for (var e : r.cpu().entrySet()) {
            CpuMeter.Split c = e.getValue();
            System.out.printf(Locale.ROOT, "%-34s %7.1f %7.2f %10.2f %9.2f %6.2f %6.2f%n", e.getKey(), c.seconds(), c.app(), c.postgres(),
                c.generator(), c.other(), c.idle());
            if (c.other() > noisiest) {
                noisiest = c.other();
                noisiestPhase = e.getKey();
            }
        }
        System.out.println("(generator = this load generator's own CPU: when target + generator ≈ all cores, the generator shares the limit;"
            + " other = the rest of the machine)");
        if (noisiest > 0.25) {
            System.out.printf(Locale.ROOT, "NOTE: other work on this machine used up to %.2f cores (during \"%s\"): such phases show worse figures"
                + " than a quiet machine would.%n", noisiest, noisiestPhase);
        }
        if (!r.errors().isEmpty()) {
            System.out.println();
            System.out.println("BROKEN steps (the benchmark itself failed there):");
            r.errors().forEach(e -> System.out.println("  " + e.step() + ": " + e.error()));
        }
    }

    private void relay() {
        String rate = integer(options.getDouble("rate", 5000));
        for (String kind : List.of("candidate", "offer")) {
            String label = kind.equals("candidate") ? integer(r.number("candidateBytes")) + " B candidates" : integer(r.number("offerBytes")) + " B offers";
            double limit = kind.equals("candidate") ? 3 : 10;
            String k = "latency." + kind + ".";
            double appP50 = r.number(k + "app.p50Ms");
            double bareP50 = r.number(k + "bare.p50Ms");
            double appP99 = r.number(k + "app.p99Ms");
            double bareP99 = r.number(k + "bare.p99Ms");
            row("1", "relay latency, " + label + ", " + rate + " msgs/s, p50", ms(appP50), "bare " + ms(bareP50), ratio(appP50, bareP50), "info");
            row("1", "relay latency, " + label + ", " + rate + " msgs/s, p99", ms(appP99), "≤ " + ms(limit) + " (bare " + ms(bareP99) + ")",
                ratio(appP99, bareP99), Double.isNaN(appP99) ? "n/a" : appP99 <= limit ? "PASS" : "FAIL");
            double received = r.number(k + "app.received");
            double sent = r.number(k + "app.sent");
            row("1", "  relayed / sent (app; bare " + integer(r.number(k + "bare.received")) + " / " + integer(r.number(k + "bare.sent")) + ")",
                integer(received) + " / " + integer(sent), "all, no error frames", "",
                Double.isNaN(received) ? "n/a" : received == sent && r.number(k + "app.errorFrames") == 0 ? "PASS" : "FAIL");
            for (String t : List.of("bare", "app")) {
                detail("1", String.format(Locale.ROOT, "%s, %s: p90 %s, max %s; generator behind its schedule at most %s; error frames %s",
                    label, t, ms(r.number(k + t + ".p90Ms")), ms(r.number(k + t + ".maxMs")), ms(r.number(k + t + ".maxScheduleLagMs")),
                    integer(r.number(k + t + ".errorFrames"))));
            }
        }
        double appMax = r.number("max.app.msgsPerSecond");
        double bareMax = r.number("max.bare.msgsPerSecond");
        row("2", "max relayed msgs/s (closed loop, " + integer(r.number("max.app.inFlight")) + " in flight, 300 B)",
            rate(appMax, "msgs/s"), "bare " + rate(bareMax, "msgs/s"), ratio(appMax, bareMax), "info");
        for (String t : List.of("bare", "app")) {
            detail("2", String.format(Locale.ROOT, "%s at saturation: latency p50 %s, p99 %s; %s %.2f cores, generator %.2f cores"
                    + " (%.3f CPU s per 1,000 msgs on %s's side)", t, ms(r.number("max." + t + ".p50Ms")), ms(r.number("max." + t + ".p99Ms")), t,
                r.number("max." + t + ".targetCores"), r.number("max." + t + ".generatorCores"), r.number("max." + t + ".cpuSecondsPer1000"), t));
        }
        for (String kind : List.of("candidate", "offer")) {
            String label = kind.equals("candidate") ? integer(r.number("candidateBytes")) + " B" : integer(r.number("offerBytes")) + " B";
            String k = "latency." + kind + ".";
            double appCpu = r.number(k + "app.cpuSecondsPer1000");
            double bareCpu = r.number(k + "bare.cpuSecondsPer1000");
            row("3", "server CPU s per 1,000 relayed msgs, " + label + " @ " + rate + "/s", seconds(appCpu),
                "≤ 1.5 × bare " + seconds(bareCpu), ratio(appCpu, bareCpu),
                Double.isNaN(appCpu) || Double.isNaN(bareCpu) ? "n/a" : appCpu <= 1.5 * bareCpu ? "PASS" : "FAIL");
            double appNet = r.number(k + "app.cpuSecondsPer1000NetOfIdle");
            double bareNet = r.number(k + "bare.cpuSecondsPer1000NetOfIdle");
            detail("3", String.format(Locale.ROOT, "%s window: app %.2f CPU s, bare %.2f CPU s; net of the CPU each uses with no traffic (app %.3f,"
                    + " bare %.3f cores): app %s, bare %s per 1,000 (%s); the generator used %s (app run) and %s (bare run) CPU s per 1,000",
                label, r.number(k + "app.cpuSeconds"), r.number(k + "bare.cpuSeconds"), r.number("idleCpu.app.cores"), r.number("idleCpu.bare.cores"),
                seconds(appNet), seconds(bareNet), ratio(appNet, bareNet),
                seconds(r.number(k + "app.generatorCpuSecondsPer1000")), seconds(r.number(k + "bare.generatorCpuSecondsPer1000"))));
        }
    }

    private void setups(String pairs) {
        double setups = r.number("setups.perSecond");
        row("5", "call set-ups/s (invite→accept→connected, concurrency " + integer(r.number("setups.concurrency")) + ")",
            rate(setups, "/s"), "≥ 200/s", ratio(setups, 200), Double.isNaN(setups) ? "n/a" : setups >= 200 ? "PASS" : "FAIL");
        Object rowsObject = r.get("setups.rows");
        if (rowsObject instanceof Map<?, ?> rowMap) {
            long invited = ((Number) rowMap.get("CallInvited")).longValue();
            long accepted = ((Number) rowMap.get("CallAccepted")).longValue();
            long connected = ((Number) rowMap.get("CallConnected")).longValue();
            long ended = ((Number) rowMap.get("CallEnded")).longValue();
            boolean ok = invited == (long) r.number("setups.invites") && accepted == (long) r.number("setups.accepted")
                && connected == (long) r.number("setups.connected") && ended == (long) r.number("setups.hangUps") && r.number("setups.failures") == 0;
            row("5", "  events in the store (SQL): invited/accepted/connected/ended", invited + "/" + accepted + "/" + connected + "/" + ended,
                "= acked " + integer(r.number("setups.invites")) + "/" + integer(r.number("setups.accepted")) + "/"
                    + integer(r.number("setups.connected")) + "/" + integer(r.number("setups.hangUps")), "", ok ? "PASS" : "FAIL");
            detail("5", "event rows added during the step: " + rowMap + "; failures " + integer(r.number("setups.failures"))
                + (r.text("setups.firstError") == null ? "" : " (first: " + r.text("setups.firstError") + ")"));
        }
        detail("5", String.format(Locale.ROOT, "set-up time (invite sent → connected answered) p50 %s, p99 %s; per set-up: app %.2f ms CPU,"
                + " PostgreSQL %.2f ms CPU (hang-ups included)", ms(r.number("setups.p50Ms")), ms(r.number("setups.p99Ms")),
            r.number("setups.appCpuMsPerSetup"), r.number("setups.postgresCpuMsPerSetup")));
        detail("0", String.format(Locale.ROOT, "%s pairs; sign-in %s users at %.0f/s; %s relay calls set up at %.0f/s",
            pairs, integer(r.number("signIn.users")), r.number("signIn.perSecond"), integer(r.number("relayCalls.established")),
            r.number("relayCalls.perSecond")));
    }

    private void row(String step, String figure, String value, String target, String ratio, String verdict) {
        rows.add(new Row(step, figure, value, target, ratio, verdict));
    }

    private void detail(String step, String text) {
        details.add("(" + step + ") " + text);
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

    private static String seconds(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f s", value);
    }

    private static String kib(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f KiB", value);
    }

    private static String integer(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}
