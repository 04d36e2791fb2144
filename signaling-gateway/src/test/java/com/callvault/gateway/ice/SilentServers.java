package com.callvault.gateway.ice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback ports that behave like the failures ice-verify must survive: a UDP port that swallows every datagram
 * (a firewall that drops), a TCP port whose connections are accepted by the kernel but never answered (a hung
 * server), and a port where nothing listens (a stopped server). Close when done.
 */
final class SilentServers implements AutoCloseable {

    private final DatagramSocket silentUdp;
    private final ServerSocket silentTcp;
    final int closedPort;

    SilentServers() {
        try {
            silentUdp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            silentTcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // never accept()ed: the backlog holds the connections
            try (ServerSocket closing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = closing.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int silentUdpPort() {
        return silentUdp.getLocalPort();
    }

    int silentTcpPort() {
        return silentTcp.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        silentUdp.close();
        silentTcp.close();
    }
}
