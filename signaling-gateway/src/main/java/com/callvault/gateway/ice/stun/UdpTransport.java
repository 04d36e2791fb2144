package com.callvault.gateway.ice.stun;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** STUN over UDP: one datagram per message, from a socket connected to the server (so nothing else is read). */
public final class UdpTransport implements StunTransport {

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final byte[] buffer = new byte[65_535];

    private UdpTransport(DatagramSocket socket, InetSocketAddress server) {
        this.socket = socket;
        this.server = server;
    }

    public static UdpTransport open(InetSocketAddress server) throws IOException {
        DatagramSocket socket = new DatagramSocket();
        try {
            socket.connect(server);
            return new UdpTransport(socket, server);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public boolean reliable() {
        return false;
    }

    @Override
    public String protocol() {
        return "UDP";
    }

    @Override
    public void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length));
    }

    @Override
    public byte[] receive(Duration timeout) throws IOException {
        int millis = StunTransport.socketTimeoutMillis(timeout);
        socket.setSoTimeout(millis);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return server;
    }

    @Override
    public void close() {
        socket.close();
    }
}
