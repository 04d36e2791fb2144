package com.callvault.gateway.ice;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the ICE servers a signed-in user gets. In every mode the answer carries {@code ttl} and {@code expiresAt}:
 * in rest mode that is when the TURN credential stops working for new allocations; in custom and none mode the
 * static configuration does not expire, but clients refetch on the same schedule so that configuration changes
 * and TURN failover reach them. The TURN URIs are those {@link TurnAvailability} lets through: the servers the health
 * checks found down are left out, unless all are.
 */
public final class IceServers {

    private final IceSettings settings;
    private final Clock clock;
    private final TurnRestCredentials rest;
    private final TurnAvailability availability;

    public IceServers(IceSettings settings, Clock clock) {
        this(settings, clock, TurnAvailability.ALL);
    }

    public IceServers(IceSettings settings, Clock clock, TurnAvailability availability) {
        this.settings = settings;
        this.clock = clock;
        this.availability = availability;
        this.rest = settings.mode() == TurnMode.REST ? new TurnRestCredentials(settings.secrets(), settings.userPrefix(), settings.ttl()) : null;
    }

    public IceServersResponse forUser(String address) {
        Instant now = clock.instant();
        List<IceServersResponse.IceServer> servers = new ArrayList<>();
        if (!settings.stunUris().isEmpty()) {
            servers.add(IceServersResponse.IceServer.stun(settings.stunUris()));
        }
        Instant expiresAt = now.plus(settings.ttl()).truncatedTo(ChronoUnit.SECONDS);
        switch (settings.mode()) {
            case REST -> {
                TurnCredential credential = rest.issue(address, now);
                expiresAt = credential.expiresAt();
                servers.add(IceServersResponse.IceServer.turn(availability.usable(settings.turnUris()), credential.username(), credential.credential()));
            }
            case CUSTOM -> servers.add(IceServersResponse.IceServer.turn(availability.usable(settings.turnUris()), settings.username(),
                settings.credential()));
            case NONE -> {
                // STUN only
            }
        }
        return new IceServersResponse(servers, settings.ttl().toSeconds(), expiresAt, settings.mode().wireName());
    }

    public IceSettings settings() {
        return settings;
    }
}
