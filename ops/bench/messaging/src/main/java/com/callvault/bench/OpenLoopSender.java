package com.callvault.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * Delivery latency: sender sockets (usually one) send on a fixed schedule ({@code rate} messages/s, round-robin over
 * its conversations, whatever the answers do: open loop), and the peers' sockets stamp each {@code message}
 * frame on arrival. Latency of message i = receive nanoTime − the nanoTime just before its frame was handed
 * to the socket (same JVM clock). clientMessageId = {@code prefix + i}.
 */
final class OpenLoopSender {

    private final List<WsConnection> senders;
    private final List<WsConnection> receivers;
    private final List<String> conversations;
    private final String prefix;
    private final String body;
    private final int count;
    private final long periodNanos;
    private final AtomicLongArray sentAt;
    private final AtomicLongArray receivedAt;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;
    private long maxScheduleLagNanos;
    private volatile int sent;
    private volatile int stoppedAt = -1;

    /** Message i goes into conversation i mod n through sender socket i mod m. */
    OpenLoopSender(List<WsConnection> senders, List<WsConnection> receivers, List<String> conversations, String prefix, String body,
                   double rate, double seconds) {
        this.senders = senders;
        this.receivers = receivers;
        this.conversations = conversations;
        this.prefix = prefix;
        this.body = body;
        this.count = (int) Math.round(rate * seconds);
        this.periodNanos = (long) (1e9 / rate);
        this.sentAt = new AtomicLongArray(count);
        this.receivedAt = new AtomicLongArray(count);
    }

    int count() {
        return count;
    }

    /**
     * Sends the whole schedule on the calling thread; returns when the last frame was sent, or when the server
     * closed a sender socket (it closes a socket whose outgoing queue overflows: "too slow").
     */
    void run() {
        senders.forEach(sender -> sender.handler(this::onSenderFrame));
        for (WsConnection receiver : receivers) {
            receiver.handler(this::onReceiverFrame);
        }
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = prefix + i;
            String frame = "{\"type\":\"send\",\"id\":\"" + id + "\",\"conversationId\":\"" + conversations.get(i % conversations.size())
                + "\",\"clientMessageId\":\"" + id + "\",\"body\":" + body + "}";
            long now = System.nanoTime();
            maxScheduleLagNanos = Math.max(maxScheduleLagNanos, now - due);
            sentAt.set(i, now);
            WsConnection sender = senders.get(i % senders.size());
            try {
                sender.send(frame);
            } catch (RuntimeException e) {
                sentAt.set(i, 0);
                stoppedAt = i;
                return;
            }
            sent = i + 1;
        }
    }

    /** Messages actually sent (fewer than {@link #count()} when a sender socket was closed). */
    int sent() {
        return sent;
    }

    /** Waits until every message reached its receiver (or the timeout). */
    boolean awaitDelivered(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while ((received.get() < sent || acked.get() + errors.get() < sent) && System.nanoTime() < deadline) {
            if (senders.stream().anyMatch(s -> s.closeReason() != null)) {
                Thread.sleep(500); // whatever was on its way
                break;
            }
            Thread.sleep(5);
        }
        return received.get() >= count;
    }

    private void onSenderFrame(WsConnection connection, JsonNode frame, long at) {
        String type = frame.path("type").asString("");
        if ("ack".equals(type) && frame.path("id").asString("").startsWith(prefix)) {
            acked.incrementAndGet();
        } else if ("error".equals(type) && frame.path("id").asString("").startsWith(prefix)) {
            errors.incrementAndGet();
            if (firstError == null) {
                firstError = frame.path("code").asString("") + ": " + frame.path("message").asString("");
            }
        }
    }

    private void onReceiverFrame(WsConnection connection, JsonNode frame, long at) {
        if (!"message".equals(frame.path("type").asString(""))) {
            return;
        }
        String id = frame.path("clientMessageId").asString("");
        if (!id.startsWith(prefix)) {
            return;
        }
        try {
            int i = Integer.parseInt(id.substring(prefix.length()));
            if (receivedAt.compareAndSet(i, 0, at)) {
                received.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // not ours
        }
    }

    Latencies latencies() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            long received = receivedAt.get(i);
            if (received != 0) {
                latencies.add(received - sentAt.get(i));
            }
        }
        return latencies;
    }

    long received() {
        return received.get();
    }

    long acked() {
        return acked.get();
    }

    long errors() {
        return errors.get();
    }

    String firstError() {
        String closed = senders.stream().map(WsConnection::closeReason).filter(r -> r != null).findFirst().orElse(null);
        if (closed != null) {
            return "the server closed the sender socket (" + closed + ")" + (stoppedAt >= 0 ? " after " + stoppedAt + " sends" : "")
                + (firstError != null ? "; " + firstError : "");
        }
        return firstError;
    }

    double maxScheduleLagMillis() {
        return maxScheduleLagNanos / 1e6;
    }
}
