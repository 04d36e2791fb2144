package com.callvault.gateway.ice.verify;

import com.callvault.gateway.ice.IceUri;
import com.callvault.gateway.ice.TurnCredential;
import com.callvault.gateway.ice.stun.AllocateResult;
import com.callvault.gateway.ice.stun.ErrorCode;
import com.callvault.gateway.ice.stun.StunClient;
import com.callvault.gateway.ice.stun.StunTransport;
import com.callvault.gateway.ice.stun.TcpTransport;
import com.callvault.gateway.ice.stun.TlsTransport;
import com.callvault.gateway.ice.stun.TurnAllocation;
import com.callvault.gateway.ice.stun.TurnClient;
import com.callvault.gateway.ice.stun.TurnRejected;
import com.callvault.gateway.ice.stun.UdpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * The check of one URI, run on its own (virtual) thread: resolve, connect (TCP, TLS), optionally a STUN Binding, then
 * for TURN an Allocate with the credential users get, which is released at once. After a 401 it tries the
 * credentials of {@link CheckCredentials#after401} to tell a wrong secret from clock skew. Never throws: every failure
 * is a {@link ProbeResult}. {@link IceProber} bounds it in time and calls {@link #abort()} when it overruns.
 */
final class UriProbe {

    private final IceUri uri;
    private final ProbeContext context;
    private final ProbeOptions options;
    private final long startNanos;
    private final long deadlineNanos;
    private final String server;
    private volatile String step = "resolving the host name";
    private InetSocketAddress address;
    private volatile StunTransport transport;
    private volatile boolean aborted;

    UriProbe(IceUri uri, ProbeContext context, ProbeOptions options) {
        this.uri = uri;
        this.context = context;
        this.options = options;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + options.timeout().toNanos();
        this.server = (uri.host().contains(":") ? "[" + uri.host() + "]" : uri.host()) + ":" + uri.effectivePort();
    }

    private String protocol() {
        return uri.secure() ? "TLS" : uri.effectiveTransport().toUpperCase(java.util.Locale.ROOT);
    }

    ProbeResult run() {
        Outcome outcome = new Outcome();
        if (uri.secure() && uri.effectiveTransport().equals("udp")) {
            return outcome.verdict(Verdict.NOT_TESTED, "DTLS (" + uri.scheme() + ": with ?transport=udp) is not checked from the server; "
                + "browsers rarely use it: prefer " + uri.scheme() + ":" + server + "?transport=tcp.");
        }
        try {
            address = new InetSocketAddress(InetAddress.getByName(uri.host()), uri.effectivePort());
            reconnect();
            if (options.binding() || !uri.turn()) {
                step = "waiting for the answer to a STUN Binding";
                long before = System.nanoTime();
                InetSocketAddress reflexive = stun().binding(transport);
                outcome.bindingMillis = millisSince(before);
                outcome.reflexive = text(reflexive);
            }
            if (!uri.turn()) {
                return outcome.verdict(Verdict.OK, "STUN Binding answered: this server is seen as " + outcome.reflexive + ".");
            }
            return allocate(outcome);
        } catch (IOException | RuntimeException e) {
            if (aborted) {
                return timedOut();
            }
            Failure failure = Failure.of(e, server, protocol(), step);
            return outcome.verdict(failure.verdict(), failure.detail());
        } finally {
            StunTransport open = transport;
            if (open != null) {
                open.close();
            }
        }
    }

    private ProbeResult allocate(Outcome outcome) throws IOException {
        Instant now = context.clock().instant();
        TurnCredential credential = context.credentials().primary(now, options.credentialLifetime());
        step = "waiting for the answer to a TURN Allocate";
        long before = System.nanoTime();
        AllocateResult result = allocateWith(credential);
        outcome.allocateMillis = millisSince(before);
        if (result instanceof TurnAllocation allocation) {
            return allocated(outcome, allocation);
        }
        ErrorCode error = ((TurnRejected) result).error();
        if (error.code() != ErrorCode.UNAUTHORIZED) {
            Failure failure = Failure.rejected(error);
            return outcome.verdict(failure.verdict(), failure.detail());
        }
        for (CheckCredentials.Diagnosis diagnosis : context.credentials().after401(now, options.credentialLifetime())) {
            // a new connection for each: coturn ties the first username it hears to the client's address and port
            transport.close();
            reconnect();
            step = "telling why the credential was refused";
            AllocateResult retry = allocateWith(diagnosis.credential());
            if (retry instanceof TurnAllocation allocation) {
                outcome.relayed = text(allocation.relayedAddress());
                outcome.realm = allocation.realm();
                allocation.close(); // releases it; the transport closes with it
                transport = null;
                return outcome.verdict(diagnosis.verdict(), diagnosis.detail());
            }
        }
        return outcome.verdict(Verdict.WRONG_CREDENTIALS, context.credentials().wrongCredentials());
    }

    /**
     * An Allocate on {@link #transport}; after a 437 (an allocation the server still holds for this local address and
     * port, left by an earlier client the operating system gave the same ephemeral port) once more from a new port —
     * the new socket is opened before the old one closes, so it cannot get the same port back.
     */
    private AllocateResult allocateWith(TurnCredential credential) throws IOException {
        AllocateResult result = new TurnClient(stun()).allocate(transport, credential.username(), credential.credential());
        if (result instanceof TurnRejected rejected && rejected.error().code() == ErrorCode.ALLOCATION_MISMATCH) {
            StunTransport taken = transport;
            reconnect();
            taken.close();
            result = new TurnClient(stun()).allocate(transport, credential.username(), credential.credential());
        }
        return result;
    }

    private ProbeResult allocated(Outcome outcome, TurnAllocation allocation) {
        outcome.relayed = text(allocation.relayedAddress());
        outcome.realm = allocation.realm();
        if (outcome.reflexive == null && allocation.mappedAddress() != null) {
            outcome.reflexive = text(allocation.mappedAddress());
        }
        step = "releasing the allocation";
        allocation.close(); // Refresh with lifetime 0, then the transport closes
        transport = null;
        InetAddress relay = allocation.relayedAddress().getAddress();
        String relayed = "Relay allocated at " + outcome.relayed + " (realm " + outcome.realm + ") and released";
        if (context.externalIps().isEmpty()) {
            boolean local = relay.isLoopbackAddress() || relay.isSiteLocalAddress() || relay.isLinkLocalAddress();
            return outcome.verdict(Verdict.OK, relayed + "; TURN_EXTERNAL_IP is not set, so the relayed address was not compared"
                + (local ? ". It is a private address: peers outside this network cannot reach it unless coturn's external-ip maps it." : "."));
        }
        if (context.externalIps().contains(relay)) {
            return outcome.verdict(Verdict.OK, relayed + "; it is TURN_EXTERNAL_IP.");
        }
        return outcome.verdict(Verdict.RELAY_ADDRESS_MISMATCH, relayed + ", but TURN_EXTERNAL_IP says "
            + context.externalIps().stream().map(InetAddress::getHostAddress).toList() + ": browsers would be sent to "
            + relay.getHostAddress() + ". Set coturn's external-ip (public/private behind NAT) and relay-ip, or correct TURN_EXTERNAL_IP.");
    }

    /** Stops the check: closes its connection, so that a blocked read ends. */
    void abort() {
        aborted = true;
        StunTransport open = transport;
        if (open != null) {
            open.close();
        }
    }

    /** The result of a check stopped by its deadline. */
    ProbeResult timedOut() {
        Failure failure = Failure.timeout(server, protocol(), step);
        return new Outcome().verdict(failure.verdict(), failure.detail() + " (" + options.timeout().toMillis() + " ms allowed)");
    }

    /** Opens the connection to {@link #address} (again); closed at once if the check was stopped meanwhile. */
    private void reconnect() throws IOException {
        step = uri.secure() ? "connecting and completing the TLS handshake" : "connecting";
        transport = open();
        if (aborted) {
            transport.close();
        }
    }

    private StunTransport open() throws IOException {
        Duration remaining = remaining();
        if (uri.secure()) {
            return TlsTransport.connect(address, uri.host(), context.tls(), remaining);
        }
        return uri.effectiveTransport().equals("tcp") ? TcpTransport.connect(address, remaining) : UdpTransport.open(address);
    }

    /** A STUN client whose transactions end by this check's deadline. */
    private StunClient stun() {
        return new StunClient(Duration.ofMillis(250), 7, remaining());
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private static String text(InetSocketAddress address) {
        String ip = address.getAddress().getHostAddress();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }

    /** What the check found so far. */
    private final class Outcome {
        String reflexive;
        String relayed;
        String realm;
        Long bindingMillis;
        Long allocateMillis;

        ProbeResult verdict(Verdict verdict, String detail) {
            return new ProbeResult(uri.toString(), server, protocol().toLowerCase(java.util.Locale.ROOT), verdict, detail, reflexive,
                relayed, realm, bindingMillis, allocateMillis, millisSince(startNanos));
        }
    }
}
