package com.callvault.bench.calls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from /proc, split between the app (its PID), PostgreSQL (the live backends connected to the
 * benchmark's database — their process title names it — and the server's WAL writer, checkpointer and
 * background writer), this load generator, and everything else on the machine (busy time of /proc/stat minus
 * the three: other processes, other databases' backends, processes that exited meanwhile, kernel threads).
 * Snapshots must be taken while the measured connections are open (an exited backend's time is not seen).
 */
final class CpuMeter {

    /** Clock ticks (jiffies) as seen at one instant; PostgreSQL per process, so that a backend that ends in between cannot subtract. */
    record Snapshot(long nanos, long app, Map<Long, Long> postgres, long generator, long machineBusy, long machineTotal) {
    }

    /** Cores used on average over an interval (2.0 = both cores of a 2-core machine busy). */
    record Split(double seconds, double app, double postgres, double generator, double other, double idle, int cores) {

        String describe() {
            return String.format("app %.2f, PostgreSQL %.2f, generator %.2f, other %.2f, idle %.2f (of %d cores)",
                app, postgres, generator, other, idle, cores);
        }
    }

    private final long appPid;
    private final long postmasterPid;
    private final String database;
    private final long ticksPerSecond;
    private final int cores = Runtime.getRuntime().availableProcessors();

    CpuMeter(long appPid, long postmasterPid, String database, long ticksPerSecond) {
        this.appPid = appPid;
        this.postmasterPid = postmasterPid;
        this.database = database;
        this.ticksPerSecond = ticksPerSecond <= 0 ? 100 : ticksPerSecond;
    }

    boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    Snapshot snapshot() {
        long[] machine = machine();
        return new Snapshot(System.nanoTime(), appPid > 0 ? processTicks(appPid) : 0, postgresTicks(),
            processTicks(ProcessHandle.current().pid()), machine[0], machine[1]);
    }

    Split between(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        double tick = 1.0 / ticksPerSecond;
        double app = (to.app() - from.app()) * tick / seconds;
        long postgresTicks = 0;
        for (Map.Entry<Long, Long> process : to.postgres().entrySet()) {
            postgresTicks += Math.max(0, process.getValue() - from.postgres().getOrDefault(process.getKey(), 0L));
        }
        double postgres = postgresTicks * tick / seconds;
        double generator = (to.generator() - from.generator()) * tick / seconds;
        long totalTicks = to.machineTotal() - from.machineTotal();
        // /proc/stat counts ticks summed over all CPUs
        double busyCores = totalTicks == 0 ? 0 : (double) (to.machineBusy() - from.machineBusy()) / totalTicks * cores;
        double idle = Math.max(0, cores - busyCores);
        double other = Math.max(0, busyCores - app - postgres - generator);
        return new Split(seconds, app, postgres, generator, other, idle, cores);
    }

    private Map<Long, Long> postgresTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        if (postmasterPid <= 0) {
            return ticks;
        }
        for (long child : children(postmasterPid)) {
            String title = commandLine(child);
            boolean ours = title.contains(" " + database + " ");
            boolean auxiliary = title.contains("walwriter") || title.contains("checkpointer") || title.contains("background writer");
            if (ours || auxiliary) {
                ticks.put(child, processTicks(child));
            }
        }
        return ticks;
    }

    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] fields = statFields(p.resolve("stat"));
                if (fields != null && Long.parseLong(fields[1]) == parent) {
                    children.add(Long.parseLong(p.getFileName().toString()));
                }
            });
        } catch (IOException e) {
            // no /proc
        }
        return children;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ') + " ";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** utime + stime. */
    private static long processTicks(long pid) {
        String[] fields = statFields(Path.of("/proc", Long.toString(pid), "stat"));
        if (fields == null) {
            return 0;
        }
        // fields after the command: [0]=state [1]=ppid … utime is field 14 of stat = index 11 here
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields of /proc/PID/stat after "(comm)", or null. */
    private static String[] statFields(Path stat) {
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** [busy, total] ticks of the "cpu" line of /proc/stat. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 1};
        }
    }
}
