package com.callvault.gateway.ice.stun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** A connection to one STUN/TURN server that carries whole STUN messages: {@link UdpTransport}, {@link TcpTransport}. */
public interface StunTransport extends AutoCloseable {

    /** TCP delivers or fails; over UDP requests are retransmitted (RFC 5389 §7.2). */
    boolean reliable();

    /** {@code UDP}, {@code TCP} or {@code TLS}: for messages. */
    String protocol();

    void send(byte[] message) throws IOException;

    /** The next STUN message from the server, or null when none arrived within {@code timeout}. */
    byte[] receive(Duration timeout) throws IOException;

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    @Override
    void close();

    /** A socket timeout in milliseconds: at least 1 (0 would mean "wait for ever"), at most what an int holds. */
    static int socketTimeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
