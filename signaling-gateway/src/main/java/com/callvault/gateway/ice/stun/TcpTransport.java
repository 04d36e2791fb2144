package com.callvault.gateway.ice.stun;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * STUN over TCP (RFC 5389 §7.2.2), or over TLS on TCP ({@link TlsTransport}): messages back to back, each framed by the length in its header. TURN
 * ChannelData frames (first two bits 01, RFC 5766 §11.5) are skipped. A timeout in the middle of a message
 * leaves the stream unusable: close the transport.
 */
public final class TcpTransport implements StunTransport {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final InetSocketAddress server;
    private final String protocol;

    TcpTransport(Socket socket, InetSocketAddress server, String protocol) throws IOException {
        this.socket = socket;
        this.server = server;
        this.protocol = protocol;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static TcpTransport connect(InetSocketAddress server, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, StunTransport.socketTimeoutMillis(timeout));
            return new TcpTransport(socket, server, "TCP");
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public void send(byte[] message) throws IOException {
        out.write(message);
        out.flush();
    }

    @Override
    public byte[] receive(Duration timeout) throws IOException {
        socket.setSoTimeout(StunTransport.socketTimeoutMillis(timeout));
        while (true) {
            byte[] head = new byte[4];
            try {
                head[0] = (byte) in.readUnsignedByte();
            } catch (SocketTimeoutException e) {
                return null;
            } catch (EOFException e) {
                throw new EOFException("the server closed the " + protocol + " connection");
            }
            in.readFully(head, 1, 3);
            int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            if ((head[0] & 0xC0) == 0x40) { // ChannelData, padded to 4 bytes over TCP
                in.skipNBytes(length + StunMessage.padding(length));
                continue;
            }
            byte[] message = new byte[StunMessage.HEADER_BYTES + length];
            System.arraycopy(head, 0, message, 0, 4);
            in.readFully(message, 4, message.length - 4);
            return message;
        }
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
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do: the socket is gone either way
        }
    }
}
