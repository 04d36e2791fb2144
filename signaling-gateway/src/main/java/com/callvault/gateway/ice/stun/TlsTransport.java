package com.callvault.gateway.ice.stun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * STUN over TLS on TCP (RFC 5389 §7.2.2, {@code turns:} and {@code stuns:} URIs; RFC 7350 for the port 5349):
 * the same framing as {@link TcpTransport}, after a handshake that checks the server's certificate against the
 * trust in {@code context} and its name (or IP address) against the URI's host, as browsers do.
 */
public final class TlsTransport {

    private TlsTransport() {
    }

    /**
     * Connects to {@code server} and completes the TLS handshake within {@code timeout} each. A certificate that is
     * not trusted, or not for {@code hostName}, fails the handshake with an {@link javax.net.ssl.SSLException};
     * no answer in time is a {@link java.net.SocketTimeoutException}.
     */
    public static StunTransport connect(InetSocketAddress server, String hostName, SSLContext context, Duration timeout) throws IOException {
        int millis = StunTransport.socketTimeoutMillis(timeout);
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.connect(server, millis);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
        try {
            // the host as written in the URI: SNI for names, and what the certificate must name (an IP SAN for an address)
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, hostName, server.getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(millis);
            tls.startHandshake();
            return new TcpTransport(tls, server, "TLS");
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }
}
