package com.callvault.gateway.ice.verify;

import com.callvault.gateway.ice.IceCheckSettings;
import com.callvault.gateway.ice.IceSettings;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Checks every configured STUN and TURN URI from this server, as {@code GET /api/admin/ice-verify} reports it: STUN
 * Binding for each, and for TURN an Allocate with the credential users get (rest: valid for {@code TURN_TTL}), the
 * relayed address compared with {@code TURN_EXTERNAL_IP}, then released. All URIs are checked at once; the whole
 * report takes at most {@code ICE_VERIFY_TIMEOUT} plus half a second, whatever the servers do.
 */
public final class IceVerifier {

    private final IceSettings settings;
    private final IceCheckSettings checks;
    private final IceProber prober;
    private final Clock clock;

    public IceVerifier(IceSettings settings, IceCheckSettings checks, IceProber prober, Clock clock) {
        this.settings = settings;
        this.checks = checks;
        this.prober = prober;
        this.clock = clock;
    }

    /** Blocks while the checks run: call it off the event loop. */
    public IceVerifyReport verify() {
        Instant started = clock.instant();
        ProbeOptions options = new ProbeOptions(true, checks.verifyTimeout(), settings.ttl());
        List<ProbeResult> all = prober.probe(java.util.stream.Stream.concat(settings.stunUris().stream(), settings.turnUris().stream())
            .toList(), options);
        int stunCount = settings.stunUris().size();
        return IceVerifyReport.of(started, settings.mode().wireName(), checks.externalIps().stream().map(InetAddress::getHostAddress).toList(),
            all.subList(0, stunCount), all.subList(stunCount, all.size()));
    }
}
