package com.callvault.gateway.ice.verify;

import com.callvault.gateway.ice.stun.ErrorCode;
import com.callvault.gateway.ice.stun.NoRelayedAddressException;
import com.callvault.gateway.ice.stun.OpenRelayException;
import com.callvault.gateway.ice.stun.StunFormatException;
import com.callvault.gateway.ice.stun.StunTimeoutException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** A failed check: its verdict and the words for it, from what went wrong. */
record Failure(Verdict verdict, String detail) {

    /** What an exception thrown while talking to {@code server} over {@code protocol} means, during {@code step}. */
    static Failure of(Throwable error, String server, String protocol, String step) {
        return switch (error) {
            case UnknownHostException e -> new Failure(Verdict.UNREACHABLE, "The host name does not resolve (DNS): " + server
                + ". Check the name in the URI and its DNS record.");
            case PortUnreachableException e -> new Failure(Verdict.UNREACHABLE, "Nothing listens on UDP " + server + " (ICMP port "
                + "unreachable): the TURN/STUN server is not running there, or listens on another port (coturn: listening-port).");
            case ConnectException e -> new Failure(Verdict.UNREACHABLE, "Connection refused at " + server + " over " + protocol
                + ": the server is not running there, or listens on another port (coturn: listening-port, tls-listening-port).");
            case NoRouteToHostException e -> new Failure(Verdict.UNREACHABLE, "No route to " + server + ": " + e.getMessage());
            case SSLException e -> new Failure(Verdict.TLS_FAILURE, tlsWords(e, server));
            case SocketTimeoutException e -> timeout(server, protocol, step);
            case StunTimeoutException e -> new Failure(Verdict.TIMEOUT, "No answer while " + step + ": " + e.getMessage()
                + ". A firewall may drop the packets, or the port is not this server's.");
            case EOFException e -> new Failure(Verdict.PROTOCOL_ERROR, "The server closed the " + protocol + " connection while " + step
                + " (a TLS port reached without TLS, or plain TCP reached with TLS?).");
            case NoRelayedAddressException e -> new Failure(Verdict.NO_RELAY_ADDRESS, "The Allocate succeeded without a relayed "
                + "address (XOR-RELAYED-ADDRESS): check coturn's relay-ip and that its relay ports (min-port..max-port) are free.");
            case OpenRelayException e -> new Failure(Verdict.OPEN_RELAY, "The server allocated a relay without asking for credentials: "
                + "anyone can relay through it. Turn on use-auth-secret (or lt-cred-mech) and remove no-auth.");
            case StunFormatException e -> new Failure(Verdict.PROTOCOL_ERROR, "A malformed answer while " + step + ": " + e.getMessage());
            default -> new Failure(Verdict.UNREACHABLE, "Could not talk to " + server + " over " + protocol + " while " + step + ": "
                + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : " " + error.getMessage()));
        };
    }

    static Failure timeout(String server, String protocol, String step) {
        return new Failure(Verdict.TIMEOUT, "No answer from " + server + " over " + protocol + " while " + step + " within the time "
            + "allowed: a firewall may drop the packets (open the port for " + protocol + "), or the server hangs.");
    }

    /** An error response to Allocate other than 401 (handled by the caller). */
    static Failure rejected(ErrorCode error) {
        String heard = error.code() + " " + error.reason();
        return switch (error.code()) {
            case 403 -> new Failure(Verdict.FORBIDDEN, "403 Forbidden (" + heard + "): the server refuses this client by its own rules "
                + "(coturn: denied-peer-ip or allowed-peer-ip covering this server's address, a user quota of 0, a blacklisted user).");
            case 437 -> new Failure(Verdict.REJECTED, heard + ": the server still holds an allocation for this check's address and port, "
                + "and for a second port tried; retry.");
            case 442 -> new Failure(Verdict.REJECTED, heard + ": the server relays no UDP (coturn: no-udp-relay).");
            case 486 -> new Failure(Verdict.REJECTED, heard + ": the user's allocation quota is used up (coturn: user-quota, total-quota).");
            case 508 -> new Failure(Verdict.REJECTED, heard + ": the server has no relay port left (coturn: min-port..max-port too small, "
                + "or ports taken by other programs).");
            default -> new Failure(Verdict.REJECTED, "The server answered the Allocate with " + heard + ".");
        };
    }

    private static String tlsWords(SSLException error, String server) {
        String root = rootMessage(error);
        String lower = root.toLowerCase(java.util.Locale.ROOT);
        String hint;
        if (lower.contains("certification path") || lower.contains("pkix")) {
            hint = "the server's certificate is not trusted: its issuer is neither in TURN_TLS_TRUST nor, when that is blank, in the "
                + "JDK's trust store (a self-signed certificate, or a missing intermediate in coturn's cert= file)";
        } else if (lower.contains("subject alternative name") || lower.contains("no name matching")) {
            hint = "the certificate is not for the host in the URI (its subject alternative names must include it)";
        } else if (lower.contains("expired") || lower.contains("not yet valid")) {
            hint = "the certificate has expired or is not yet valid";
        } else if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
            hint = "the port does not speak TLS (a turns: URI pointing at the plain listening-port?)";
        } else {
            hint = "the handshake failed";
        }
        return "TLS to " + server + " failed: " + hint + ". (" + root + ")";
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
