package com.callvault.gateway.ice.stun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A relay allocated on a TURN server (RFC 5766 §6), alive until its lifetime runs out or it is released.
 * {@link #close()} releases it (a Refresh with lifetime 0) and closes the transport.
 */
public final class TurnAllocation implements AllocateResult, AutoCloseable {

    private final StunClient stun;
    private final StunTransport transport;
    private final TurnClient.Session session;
    private final InetSocketAddress relayedAddress;
    private final InetSocketAddress mappedAddress;
    private final Duration lifetime;

    TurnAllocation(StunClient stun, StunTransport transport, TurnClient.Session session, InetSocketAddress relayedAddress,
                   InetSocketAddress mappedAddress, Duration lifetime) {
        this.stun = stun;
        this.transport = transport;
        this.session = session;
        this.relayedAddress = relayedAddress;
        this.mappedAddress = mappedAddress;
        this.lifetime = lifetime;
    }

    /** The relay's address on the server: what peers send to (XOR-RELAYED-ADDRESS). */
    public InetSocketAddress relayedAddress() {
        return relayedAddress;
    }

    /** Our address as the server saw it (XOR-MAPPED-ADDRESS), or null when the server did not say. */
    public InetSocketAddress mappedAddress() {
        return mappedAddress;
    }

    /** The lifetime the server granted (LIFETIME). */
    public Duration lifetime() {
        return lifetime;
    }

    public String realm() {
        return session.realm();
    }

    /** Asks for the allocation to live {@code lifetime} more (zero releases it), with the same credentials. */
    public RefreshResult refresh(Duration lifetime) throws IOException {
        StunResponse response = session.send(stun, transport, StunMethod.REFRESH,
            List.of(StunAttribute.unsignedInt(AttributeType.LIFETIME, lifetime.toSeconds())));
        if (!response.success()) {
            return new TurnRejected(StunMethod.REFRESH, response.error());
        }
        return new RefreshResult.Refreshed(Duration.ofSeconds(response.message().attribute(AttributeType.LIFETIME)
            .map(StunAttribute::asUnsignedInt).orElse(lifetime.toSeconds())));
    }

    /** Releases the allocation (best effort: the server drops it anyway when its lifetime ends) and closes the transport. */
    @Override
    public void close() {
        try {
            refresh(Duration.ZERO);
        } catch (IOException | UncheckedIOException | StunFormatException ignored) {
            // the allocation times out on the server by itself
        } finally {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "TURN allocation " + relayedAddress + " (lifetime " + lifetime.toSeconds() + " s)";
    }
}
