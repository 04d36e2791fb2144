package com.callvault.gateway.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for background CPU work that must give way to the threads serving sockets (pushes: encryption, signing and
 * the HTTP/TLS exchange with push services). On Linux such a thread raises its own nice value when it starts
 * ({@code renice} on its thread id: Linux schedules each thread on its own, and raising one's nice value needs no
 * privilege), so a socket event loop that wakes up preempts it at once instead of waiting for its time slice. Where
 * that is not possible (another OS, no {@code renice}) the thread runs at normal priority and this is logged once.
 */
final class LowPriority {

    private static final Logger log = LoggerFactory.getLogger(LowPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final AtomicBoolean warned = new AtomicBoolean();

    private LowPriority() {
    }

    /** Daemon threads named {@code prefix-N} that run at the given nice value (0: normal priority). */
    static ThreadFactory threads(String prefix, int niceness) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                lowerCurrentThread(niceness);
                task.run();
            }, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Raises the calling thread's nice value to {@code niceness}; where it cannot, it runs on as it is (logged once). */
    static void lowerCurrentThread(int niceness) {
        if (niceness <= 0) {
            return;
        }
        try {
            // "/proc/thread-self" links to "<pid>/task/<tid>"
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", tid)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return;
            }
            renice.destroyForcibly();
            warnOnce("renice exited with " + (renice.isAlive() ? "no answer" : renice.exitValue()));
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calling thread's nice value as the kernel reports it, or empty where there is no {@code /proc}. */
    static OptionalInt currentNiceness() {
        return niceness(THREAD_SELF);
    }

    /** The nice value of the thread at {@code /proc/<pid>/task/<tid>} (or {@code /proc/thread-self}); empty if unreadable. */
    static OptionalInt niceness(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // fields after the command name, which is in parentheses and may contain spaces: nice is field 19
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            log.warn("Push threads run at normal priority (could not lower it: {}); pushes then compete with signaling for CPU", why);
        }
    }
}
