package com.callvault.gateway.ice.stun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A TURN client (RFC 5766) just big enough to prove that credentials work: Allocate with the long-term credential
 * mechanism, Refresh, release.
 *
 * <p>Allocate goes as RFC 5766 §6 and RFC 5389 §10.2 describe it: a first request without credentials draws a 401
 * with REALM and NONCE; the second carries USERNAME, REALM, NONCE, REQUESTED-TRANSPORT (UDP) and MESSAGE-INTEGRITY
 * keyed with {@code MD5(username:realm:password)}. A 438 Stale Nonce is retried once with the new nonce. A success
 * must carry XOR-RELAYED-ADDRESS ({@link NoRelayedAddressException} otherwise), and a MESSAGE-INTEGRITY, when present,
 * must match our key (else it was not our server that answered). A server that allocates without asking for
 * credentials is an open relay ({@link OpenRelayException}). Both anomalies release what was allocated.
 */
public final class TurnClient {

    private static final int UDP = 17;

    private final StunClient stun;

    public TurnClient(StunClient stun) {
        this.stun = stun;
    }

    public TurnClient() {
        this(StunClient.DEFAULT);
    }

    /**
     * Allocates a UDP relay on the server at the other end of {@code transport}. An allocation then owns the transport
     * (close the allocation); after a rejection it is still the caller's to close.
     */
    public AllocateResult allocate(StunTransport transport, String username, String password) throws IOException {
        List<StunAttribute> requested = List.of(StunAttribute.unsignedInt(AttributeType.REQUESTED_TRANSPORT, (long) UDP << 24));
        StunResponse challenge = stun.send(transport, StunMessage.request(StunMethod.ALLOCATE, requested), null);
        if (challenge.success()) {
            releaseQuietly(() -> stun.send(transport, StunMessage.request(StunMethod.REFRESH,
                List.of(StunAttribute.unsignedInt(AttributeType.LIFETIME, 0))), null));
            throw new OpenRelayException("the server allocated a relay without asking for credentials (it runs without authentication)");
        }
        ErrorCode error = challenge.error();
        if (error.code() != ErrorCode.UNAUTHORIZED) {
            return new TurnRejected(StunMethod.ALLOCATE, error);
        }
        Session session = Session.from(challenge.message(), username, password);
        StunResponse response = session.send(stun, transport, StunMethod.ALLOCATE, requested);
        if (!response.success()) {
            return new TurnRejected(StunMethod.ALLOCATE, response.error());
        }
        StunMessage message = response.message();
        InetSocketAddress relayed = message.xorAddress(AttributeType.XOR_RELAYED_ADDRESS).orElse(null);
        InetSocketAddress mapped = message.xorAddress(AttributeType.XOR_MAPPED_ADDRESS).orElse(null);
        Duration lifetime = Duration.ofSeconds(message.attribute(AttributeType.LIFETIME).map(StunAttribute::asUnsignedInt).orElse(600L));
        if (relayed == null) {
            releaseQuietly(() -> session.send(stun, transport, StunMethod.REFRESH,
                List.of(StunAttribute.unsignedInt(AttributeType.LIFETIME, 0))));
            throw new NoRelayedAddressException("the Allocate success response has no XOR-RELAYED-ADDRESS");
        }
        return new TurnAllocation(stun, transport, session, relayed, mapped, lifetime);
    }

    private interface Release {
        StunResponse send() throws IOException;
    }

    /** Best effort: whatever the answer, the server drops an allocation when its lifetime ends. */
    private static void releaseQuietly(Release release) {
        try {
            release.send();
        } catch (IOException | RuntimeException ignored) {
            // the allocation times out on the server by itself
        }
    }

    /** The long-term credential state of one allocation: who we are and the server's current realm and nonce. */
    static final class Session {

        private final String username;
        private final String password;
        private String realm;
        private String nonce;
        private byte[] key;

        private Session(String username, String password) {
            this.username = username;
            this.password = password;
        }

        static Session from(StunMessage unauthorized, String username, String password) {
            Session session = new Session(username, password);
            session.challenge(unauthorized);
            return session;
        }

        private void challenge(StunMessage error) {
            realm = error.text(AttributeType.REALM)
                .orElseThrow(() -> new StunFormatException("the server's 401/438 carries no REALM"));
            nonce = error.text(AttributeType.NONCE)
                .orElseThrow(() -> new StunFormatException("the server's 401/438 carries no NONCE"));
            key = LongTermKey.of(username, realm, password);
        }

        /** Sends an authenticated request; after a 438 Stale Nonce, once more with the new nonce. */
        StunResponse send(StunClient stun, StunTransport transport, int method, List<StunAttribute> attributes) throws IOException {
            StunResponse response = stun.send(transport, request(method, attributes), key);
            if (!response.success() && response.error().code() == ErrorCode.STALE_NONCE) {
                challenge(response.message());
                response = stun.send(transport, request(method, attributes), key);
            }
            if (response.success() && response.hasIntegrity() && !response.integrityMatches(key)) {
                throw new StunFormatException("the " + StunMethod.name(method) + " response's MESSAGE-INTEGRITY does not match our key");
            }
            return response;
        }

        private StunMessage request(int method, List<StunAttribute> attributes) {
            List<StunAttribute> all = new ArrayList<>(attributes);
            all.add(StunAttribute.text(AttributeType.USERNAME, username));
            all.add(StunAttribute.text(AttributeType.REALM, realm));
            all.add(StunAttribute.text(AttributeType.NONCE, nonce));
            return StunMessage.request(method, all);
        }

        String realm() {
            return realm;
        }
    }
}
