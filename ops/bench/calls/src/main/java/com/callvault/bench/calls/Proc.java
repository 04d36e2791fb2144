package com.callvault.bench.calls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process as /proc and jcmd show it: CPU time, resident memory, a full GC, the Java heap in use. */
final class Proc {

    private static final Pattern HEAP_USED = Pattern.compile("used\\s+(\\d+)K");

    private Proc() {
    }

    /** utime + stime in clock ticks, or -1. */
    static long cpuTicks(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS in KiB, or -1. */
    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** Open file descriptors, or -1. */
    static long openFiles(long pid) {
        try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return entries.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code jcmd PID GC.run} (a full collection); false when jcmd is missing or failed. */
    static boolean fullGc(long pid) {
        return jcmd(pid, "GC.run") != null;
    }

    /** {@code jcmd PID GC.heap_dump FILE} (live objects only: a full GC first); false when it failed. */
    static boolean heapDump(long pid, Path file) {
        return jcmd(pid, "GC.heap_dump " + file.toAbsolutePath()) != null;
    }

    /** {@code jcmd PID VM.native_memory summary} into a file, when the JVM runs with -XX:NativeMemoryTracking. */
    static void nativeMemory(long pid, Path file) throws IOException {
        String summary = jcmd(pid, "VM.native_memory summary");
        if (summary != null && summary.contains("Total:")) {
            Files.writeString(file, summary);
        }
    }

    /** Java heap in use (KiB) per {@code jcmd PID GC.heap_info}, or -1. */
    static long heapUsedKiB(long pid) {
        String info = jcmd(pid, "GC.heap_info");
        if (info == null) {
            return -1;
        }
        Matcher m = HEAP_USED.matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Bytes and instances per class from {@code jcmd PID GC.class_histogram} (a full GC first), or an empty map. */
    static java.util.Map<String, long[]> histogram(long pid) {
        java.util.Map<String, long[]> classes = new java.util.HashMap<>();
        String text = jcmd(pid, "GC.class_histogram");
        if (text == null) {
            return classes;
        }
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(text);
        while (m.find()) {
            classes.put(m.group(3), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(1))});
        }
        return classes;
    }

    /** The classes that grew most between two histograms: "name +bytes/n B (+instances/n)" per line, per {@code n} sockets. */
    static java.util.List<String> grown(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int n, int top) {
        return after.entrySet().stream()
            .map(e -> java.util.Map.entry(e.getKey(), new long[] {e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
            .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
            .limit(top)
            .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f B (%.1f)", e.getKey(), e.getValue()[0] / (double) n, e.getValue()[1] / (double) n))
            .toList();
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = ProcessHandle.current().info().command().map(java -> Path.of(java).resolveSibling("jcmd")).orElse(Path.of("jcmd"));
        try {
            List<String> args = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
            args.addAll(List.of(command.split(" ")));
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
