package com.callvault.bench.calls;

import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Drives whole calls over the app's sockets, closed loop with {@code concurrency} set-ups in progress:
 * the caller sends {@code call.invite}; the callee answers {@code call.incoming} with {@code call.accept};
 * the caller answers {@code call.accepted} with {@code call.connected}; its {@code call.status} (connected)
 * ends the set-up. With {@code hangUp} the caller then sends {@code call.hangup} and the pair goes back to
 * the pool once that is answered, while the next set-up starts at once. Without it the call stays up
 * (the relay measurements run in those calls). A pair whose call fails is counted and not used again.
 */
final class CallDriver {

    private final boolean hangUp;
    private final int concurrency;
    private final Queue<Pair> free = new ConcurrentLinkedQueue<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    final AtomicLong invites = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong connected = new AtomicLong();
    final AtomicLong hangUpsSent = new AtomicLong();
    final AtomicLong hangUps = new AtomicLong();
    final AtomicLong hangUpErrors = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final Latencies setupLatency = new Latencies();
    private int inFlight;
    private volatile boolean issuing = true;

    CallDriver(Collection<Pair> pairs, boolean hangUp, int concurrency) {
        this.free.addAll(pairs);
        this.hangUp = hangUp;
        this.concurrency = concurrency;
    }

    /** Starts set-ups up to the concurrency. */
    void start() {
        pump();
    }

    /** No new invites from now on. */
    void stopIssuing() {
        issuing = false;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    String firstError() {
        return firstError.get();
    }

    /** Hangs up the established call of every pair given (the caller's device), answered through {@link #onFrame}. */
    void hangUpAll(Collection<Pair> pairs) {
        issuing = false;
        for (Pair p : pairs) {
            if (p.established && p.callId != null) {
                hangUpsSent.incrementAndGet();
                p.a.send("{\"type\":\"call.hangup\",\"id\":\"h" + p.index + "-" + p.seq + "\",\"callId\":\"" + p.callId + "\"}");
            }
        }
    }

    private void pump() {
        while (true) {
            Pair p;
            synchronized (this) {
                if (!issuing || inFlight >= concurrency) {
                    return;
                }
                p = free.poll();
                if (p == null) {
                    return;
                }
                inFlight++;
            }
            invite(p);
        }
    }

    private void invite(Pair p) {
        p.seq++;
        p.callId = null;
        p.established = false;
        p.invitedAt = System.nanoTime();
        invites.incrementAndGet();
        p.a.send("{\"type\":\"call.invite\",\"id\":\"i" + p.index + "-" + p.seq + "\",\"callee\":\"" + p.calleeAddress + "\",\"media\":\"audio\"}");
    }

    /** A frame that is not a stamped signal, on one of the pair's sockets. */
    void onFrame(Pair.End end, String text) {
        JsonNode frame = Json.parse(text);
        String type = frame.path("type").asString("");
        Pair p = end.pair();
        String id = frame.path("id").asString("");
        if ("error".equals(type)) {
            if (id.startsWith("h")) {
                // the call ended meanwhile (e.g. it timed out): the pair is free again
                hangUpErrors.incrementAndGet();
                fail(p, "hang-up refused: " + text, false);
                released(p);
            } else {
                fail(p, text, true);
            }
            return;
        }
        if (end.caller()) {
            switch (type) {
                case "call.status" -> {
                    String state = frame.path("state").asString("");
                    if (id.startsWith("i")) {
                        if ("ringing".equals(state)) {
                            p.callId = frame.path("callId").asString();
                        } else if (!"accepted".equals(state) && !"connected".equals(state)) {
                            fail(p, "invite answered " + text, true);
                        }
                    } else if (id.startsWith("c")) {
                        if ("connected".equals(state)) {
                            connected(p);
                        } else {
                            fail(p, "connected answered " + text, true);
                        }
                    } else if (id.startsWith("h")) {
                        hangUps.incrementAndGet();
                        p.established = false;
                        released(p);
                    }
                }
                case "call.accepted" -> p.a.send("{\"type\":\"call.connected\",\"id\":\"c" + p.index + "-" + p.seq + "\",\"callId\":\""
                    + frame.path("callId").asString() + "\",\"timeToConnectMs\":120,\"localCandidateType\":\"host\","
                    + "\"remoteCandidateType\":\"host\",\"protocol\":\"udp\"}");
                default -> { }
            }
        } else {
            switch (type) {
                case "call.incoming" -> {
                    String callId = frame.path("callId").asString();
                    p.callId = callId;
                    p.b.send("{\"type\":\"call.accept\",\"id\":\"a" + p.index + "-" + p.seq + "\",\"callId\":\"" + callId + "\"}");
                }
                case "call.status" -> {
                    if (id.startsWith("a") && "accepted".equals(frame.path("state").asString(""))) {
                        accepted.incrementAndGet();
                    }
                }
                default -> { }
            }
        }
    }

    private void connected(Pair p) {
        connected.incrementAndGet();
        setupLatency.add(System.nanoTime() - p.invitedAt);
        p.established = true;
        synchronized (this) {
            inFlight--;
        }
        if (hangUp) {
            hangUpsSent.incrementAndGet();
            p.a.send("{\"type\":\"call.hangup\",\"id\":\"h" + p.index + "-" + p.seq + "\",\"callId\":\"" + p.callId + "\"}");
        }
        pump();
    }

    private void released(Pair p) {
        if (!p.failed) {
            free.add(p);
        }
        pump();
    }

    private void fail(Pair p, String why, boolean setupStep) {
        failures.incrementAndGet();
        firstError.compareAndSet(null, "pair " + p.index + ": " + why);
        if (setupStep && !p.failed) {
            p.failed = true;
            synchronized (this) {
                inFlight--;
            }
            pump();
        }
    }
}
