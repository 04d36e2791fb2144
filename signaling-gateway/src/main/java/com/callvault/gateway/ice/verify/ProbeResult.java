package com.callvault.gateway.ice.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The check of one STUN or TURN URI. Addresses are {@code ip:port}; latencies in milliseconds.
 *
 * @param uri              the URI as handed to browsers
 * @param server           {@code host:port} it names
 * @param transport        {@code udp}, {@code tcp} or {@code tls}
 * @param verdict          what it came to
 * @param detail           the verdict in words: what happened and what to look at
 * @param reflexiveAddress this server as the STUN/TURN server saw it (Binding, or the Allocate's XOR-MAPPED-ADDRESS)
 * @param relayedAddress   the relay the TURN server allocated (and released)
 * @param realm            the TURN server's realm
 * @param bindingMillis    the Binding round trip
 * @param allocateMillis   the Allocate (both round trips: the 401 challenge and the authenticated request)
 * @param totalMillis      the whole check, connection and TLS handshake included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeResult(String uri, String server, String transport, Verdict verdict, String detail, String reflexiveAddress,
                          String relayedAddress, String realm, Long bindingMillis, Long allocateMillis, long totalMillis) {

    /** The verdict is {@link Verdict#OK}. */
    @JsonProperty("ok")
    public boolean ok() {
        return verdict == Verdict.OK;
    }
}
