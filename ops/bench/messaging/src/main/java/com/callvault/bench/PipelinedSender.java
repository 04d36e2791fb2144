package com.callvault.bench;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import tools.jackson.databind.JsonNode;

/**
 * One sender socket that keeps up to {@code window} {@code send} frames outstanding (window 1 = a closed loop:
 * send, wait for the ack, send the next), round-robin over its conversations, until stopped or {@code limit}
 * messages were sent. Counts acks (all, and those inside the measurement window) and ack latencies.
 * The request id and the clientMessageId of message {@code i} are both {@code prefix + i}.
 */
final class PipelinedSender implements WsConnection.FrameHandler {

    private final WsConnection socket;
    private final List<String> conversations;
    private final int window;
    private final String prefix;
    private final String body;
    private final int limit;
    private final Semaphore permits;
    private final AtomicLongArray sentAt;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong ackedInWindow = new AtomicLong();
    private final Latencies ackLatencies = new Latencies();
    private volatile String firstError;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean running = true;
    private Thread thread;

    PipelinedSender(WsConnection socket, List<String> conversations, int window, String prefix, String body, int limit) {
        this.socket = socket;
        this.conversations = List.copyOf(conversations);
        this.window = window;
        this.prefix = prefix;
        this.body = body;
        this.limit = limit;
        this.permits = new Semaphore(window);
        this.sentAt = new AtomicLongArray(limit);
    }

    void start() {
        socket.handler(this);
        thread = Thread.ofPlatform().name("sender-" + socket.name()).daemon().start(this::run);
    }

    /** Acks received from now on count in the window (and their latencies are recorded). */
    void openWindow(long nanos) {
        windowStart = nanos;
    }

    void closeWindow(long nanos) {
        windowEnd = nanos;
    }

    /** Stops sending; waits up to {@code timeoutMillis} for the outstanding acks. True if none is missing. */
    boolean stopAndDrain(long timeoutMillis) throws InterruptedException {
        running = false;
        thread.join(Math.max(1, timeoutMillis));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (acked.get() + errors.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return acked.get() + errors.get() >= sent.get();
    }

    /** Waits until {@code limit} messages were answered (or the timeout). */
    boolean awaitAllAnswered(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (acked.get() + errors.get() < limit && System.nanoTime() < deadline) {
            if (socket.closeReason() != null) {
                return false;
            }
            Thread.sleep(5);
        }
        return acked.get() + errors.get() >= limit;
    }

    private void run() {
        try {
            for (int i = 0; i < limit && running; i++) {
                while (!permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    if (!running || socket.closeReason() != null) {
                        return;
                    }
                }
                if (!running) {
                    permits.release();
                    return;
                }
                String id = prefix + i;
                String conversation = conversations.get(i % conversations.size());
                String frame = "{\"type\":\"send\",\"id\":\"" + id + "\",\"conversationId\":\"" + conversation
                    + "\",\"clientMessageId\":\"" + id + "\",\"body\":" + body + "}";
                sentAt.set(i, System.nanoTime());
                sent.incrementAndGet();
                socket.send(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (firstError == null) {
                firstError = "send failed: " + e.getMessage();
            }
        }
    }

    @Override
    public void onFrame(WsConnection connection, JsonNode frame, long receivedNanos) {
        String type = frame.path("type").asString("");
        if (!"ack".equals(type) && !"error".equals(type)) {
            return; // message frames (our own echo), typing, …
        }
        String id = frame.path("id").asString("");
        if (!id.startsWith(prefix)) {
            return;
        }
        int i;
        try {
            i = Integer.parseInt(id.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return;
        }
        if ("ack".equals(type)) {
            acked.incrementAndGet();
            if (frame.path("duplicate").asBoolean(false)) {
                duplicates.incrementAndGet();
            }
            if (receivedNanos >= windowStart && receivedNanos < windowEnd) {
                ackedInWindow.incrementAndGet();
                ackLatencies.add(receivedNanos - sentAt.get(i));
            }
        } else {
            errors.incrementAndGet();
            if (firstError == null) {
                firstError = frame.path("code").asString("") + ": " + frame.path("message").asString("");
            }
        }
        permits.release();
    }

    int window() {
        return window;
    }

    long sent() {
        return sent.get();
    }

    long acked() {
        return acked.get();
    }

    long ackedInWindow() {
        return ackedInWindow.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long errors() {
        return errors.get();
    }

    String firstError() {
        String closed = socket.closeReason();
        return firstError != null ? firstError : closed != null ? "socket closed: " + closed : null;
    }

    Latencies ackLatencies() {
        return ackLatencies;
    }
}
