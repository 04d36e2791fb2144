package com.callvault.gateway.ice.stun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The client side of STUN transactions (RFC 5389 §7): sends a request, retransmits it over UDP with a doubling
 * timeout, and answers the response with the same transaction id (anything else that arrives is ignored).
 * Every request carries a FINGERPRINT.
 *
 * @param initialRto   the first UDP retransmission timeout (RFC 5389: 500 ms)
 * @param attempts     how many times a UDP request is sent at most (RFC 5389: 7)
 * @param timeout      how long a whole transaction may take, over UDP, TCP or TLS
 */
public record StunClient(Duration initialRto, int attempts, Duration timeout) {

    /** Snappier than RFC 5389's defaults (≈ 39.5 s before giving up), for checks a person waits for. */
    public static final StunClient DEFAULT = new StunClient(Duration.ofMillis(250), 5, Duration.ofSeconds(5));

    public StunClient {
        if (initialRto.isNegative() || initialRto.isZero() || attempts < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive and attempts at least 1");
        }
    }

    /** Sends {@code request} (with MESSAGE-INTEGRITY when {@code key} is not null) and answers its response. */
    public StunResponse send(StunTransport transport, StunMessage request, byte[] key) throws IOException {
        byte[] bytes = request.encode(key, true);
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration wait = transport.reliable() ? timeout : initialRto;
        int sent = 0;
        while (sent < (transport.reliable() ? 1 : attempts)) {
            transport.send(bytes);
            sent++;
            long attemptEnd = Math.min(deadline, System.nanoTime() + wait.toNanos());
            StunResponse response = awaitResponse(transport, request, attemptEnd);
            if (response != null) {
                return response;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            wait = wait.multipliedBy(2);
        }
        throw new StunTimeoutException("no answer to " + StunMethod.name(request.method()) + " from " + transport.remoteAddress()
            + " over " + transport.protocol() + " (" + sent + " attempt" + (sent == 1 ? "" : "s") + " in "
            + timeout.toMillis() + " ms)");
    }

    private static StunResponse awaitResponse(StunTransport transport, StunMessage request, long until) throws IOException {
        while (true) {
            long remaining = until - System.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            byte[] received = transport.receive(Duration.ofNanos(remaining));
            if (received == null) {
                return null;
            }
            if (!StunMessage.looksLikeStun(received)) {
                continue;
            }
            StunMessage message;
            try {
                message = StunMessage.decode(received);
            } catch (StunFormatException e) {
                continue; // RFC 5389 §7.3: malformed messages are discarded
            }
            boolean response = message.messageClass() == StunClass.SUCCESS_RESPONSE || message.messageClass() == StunClass.ERROR_RESPONSE;
            if (response && message.method() == request.method() && message.sameTransaction(request.transactionId())) {
                return new StunResponse(message, received);
            }
        }
    }

    /**
     * A STUN Binding (RFC 5389 §10.1.1, no credentials): the address the server saw us at (XOR-MAPPED-ADDRESS,
     * or MAPPED-ADDRESS from an old server).
     */
    public InetSocketAddress binding(StunTransport transport) throws IOException {
        StunResponse response = send(transport, StunMessage.request(StunMethod.BINDING, List.of()), null);
        if (!response.success()) {
            throw new StunFormatException("Binding failed: " + response.error());
        }
        StunMessage message = response.message();
        return message.xorAddress(AttributeType.XOR_MAPPED_ADDRESS)
            .or(() -> message.attribute(AttributeType.MAPPED_ADDRESS).map(a -> AddressAttribute.decodePlain(a.value())))
            .orElseThrow(() -> new StunFormatException("the Binding response has no XOR-MAPPED-ADDRESS"));
    }
}
