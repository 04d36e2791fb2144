package com.callvault.gateway.auth;

import com.callvault.api.identity.Address;
import com.callvault.api.identity.GrantRole;
import com.callvault.api.identity.RegisterUser;
import com.callvault.api.identity.RegisteredUser;
import com.callvault.api.identity.Role;
import com.callvault.api.identity.UserId;
import com.callvault.gateway.auth.siwe.SiweVerifier;
import com.callvault.gateway.commands.Commands;
import com.callvault.gateway.auth.siwe.VerifiedMessage;
import com.callvault.gateway.settings.AdminAddresses;
import com.callvault.gateway.settings.CallVaultProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-In with Ethereum: the message and signature are checked first (nothing is written for a bad one),
 * then the nonce is consumed, the sign-in recorded on the {@code User} aggregate and a session opened.
 */
@Service
class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);

    private final SiweVerifier verifier;
    private final NonceStore nonces;
    private final SessionStore sessions;
    private final Commands commands;
    private final AdminAddresses admins;
    private final CallVaultProperties properties;
    private final Clock clock;

    SignInService(SiweVerifier verifier, NonceStore nonces, SessionStore sessions, Commands commands,
                  AdminAddresses admins, CallVaultProperties properties, Clock clock) {
        this.verifier = verifier;
        this.nonces = nonces;
        this.sessions = sessions;
        this.commands = commands;
        this.admins = admins;
        this.properties = properties;
        this.clock = clock;
    }

    record SignedIn(String address, List<String> roles, SessionStore.IssuedSession session) {
    }

    Mono<SignedIn> signIn(String message, String signature, String userAgent) {
        // signature recovery is CPU work: keep it off the event loop
        return Mono.fromCallable(() -> verifier.verify(message, signature))
            .subscribeOn(Schedulers.parallel())
            .flatMap(verified -> nonces.consume(verified.message().nonce()).thenReturn(verified))
            .flatMap(this::register)
            .flatMap(user -> sessions.create(user.address(), properties.session().ttl(), userAgent)
                .map(session -> new SignedIn(user.address(), user.roles(), session)))
            .doOnNext(signedIn -> log.info("Signed in {} (session {})", signedIn.address(), signedIn.session().session().sessionId()));
    }

    private Mono<RegisteredUser> register(VerifiedMessage verified) {
        Address address = Address.of(verified.address());
        UserId userId = UserId.of(address);
        Mono<RegisteredUser> registered = commands.send(new RegisterUser(userId, clock.instant()));
        return registered.flatMap(user -> {
            if (!admins.contains(address) || user.roles().contains(Role.ADMIN.wireName())) {
                return Mono.just(user);
            }
            return commands.send(new GrantRole(userId, Role.ADMIN, GrantRole.BY_CONFIGURATION, clock.instant()))
                .then(Mono.fromSupplier(() -> withRole(user, Role.ADMIN)));
        });
    }

    private static RegisteredUser withRole(RegisteredUser user, Role role) {
        List<String> roles = new ArrayList<>(user.roles());
        roles.add(role.wireName());
        return new RegisteredUser(user.userId(), user.address(), roles, user.firstSignIn());
    }
}
