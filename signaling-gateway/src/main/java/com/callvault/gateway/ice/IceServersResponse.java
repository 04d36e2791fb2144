package com.callvault.gateway.ice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/ice-servers}: {@code iceServers} is what {@code new RTCPeerConnection({iceServers})}
 * takes; {@code ttl} (seconds) and {@code expiresAt} say when to fetch it again.
 */
public record IceServersResponse(List<IceServer> iceServers, long ttl, Instant expiresAt, String mode) {

    public IceServersResponse {
        iceServers = List.copyOf(iceServers);
    }

    /** One {@code RTCIceServer}: STUN entries carry only {@code urls}; TURN entries the credential too. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IceServer(List<String> urls, String username, String credential) {

        public IceServer {
            urls = List.copyOf(urls);
        }

        static IceServer stun(List<IceUri> uris) {
            return new IceServer(uris.stream().map(IceUri::toString).toList(), null, null);
        }

        static IceServer turn(List<IceUri> uris, String username, String credential) {
            return new IceServer(uris.stream().map(IceUri::toString).toList(), username, credential);
        }

        @Override
        public String toString() { // the credential never reaches a log
            return "IceServer[urls=" + urls + (username == null ? "" : ", username=" + username) + "]";
        }
    }
}
