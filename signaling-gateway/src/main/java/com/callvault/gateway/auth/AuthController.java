package com.callvault.gateway.auth;

import com.callvault.gateway.auth.siwe.SignInRejected;
import com.callvault.gateway.auth.siwe.SignInRejection;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.settings.CallVaultProperties;
import com.callvault.gateway.settings.PublicUrl;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/auth}: Sign-In with Ethereum (EIP-4361) and sign-out. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final int MAX_MESSAGE_CHARS = 8 * 1024;

    private final NonceStore nonces;
    private final SignInService signIn;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final CallVaultProperties properties;
    private final PublicUrl publicUrl;

    AuthController(NonceStore nonces, SignInService signIn, SessionStore sessions, SessionCookie cookie,
                   CallVaultProperties properties, PublicUrl publicUrl) {
        this.nonces = nonces;
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookie = cookie;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    /** What a client needs to write the message: the nonce and the values this server checks the message against. */
    record NonceResponse(String nonce, Instant expiresAt, String domain, String uri, long chainId, Set<Long> chainIds,
                         String version, String statement) {
    }

    record VerifyRequest(String message, String signature) {
    }

    record VerifyResponse(String address, List<String> roles, String token, Instant expiresAt) {
    }

    @GetMapping("/nonce")
    Mono<ResponseEntity<NonceResponse>> nonce() {
        var siwe = properties.siwe();
        long preferredChain = siwe.chainIds().stream().sorted().findFirst().orElse(1L);
        return nonces.issue(siwe.nonceTtl())
            .map(issued -> ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new NonceResponse(issued.nonce(), issued.expiresAt(), publicUrl.authority(), publicUrl.origin(),
                    preferredChain, siwe.chainIds(), "1", siwe.statement())));
    }

    @PostMapping("/verify")
    Mono<ResponseEntity<VerifyResponse>> verify(@RequestBody(required = false) VerifyRequest request, ServerWebExchange exchange) {
        if (request == null || isBlank(request.message()) || isBlank(request.signature())) {
            return Mono.error(ApiProblem.badRequest("Send a JSON body with the signed EIP-4361 'message' and its 'signature'"));
        }
        if (request.message().length() > MAX_MESSAGE_CHARS || request.signature().length() > 200) {
            return Mono.error(ApiProblem.badRequest("The message or signature is too long"));
        }
        String userAgent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return signIn.signIn(request.message(), request.signature(), userAgent)
            .onErrorMap(SignInRejected.class, AuthController::asProblem)
            .map(signedIn -> {
                var session = signedIn.session();
                return ResponseEntity.ok()
                    .header(HttpHeaders.SET_COOKIE, cookie.issue(session.token(), session.session().expiresAt()).toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(new VerifyResponse(signedIn.address(), signedIn.roles(), session.token(), session.session().expiresAt()));
            });
    }

    /** Ends the session the request came with (if any) and clears the cookie; safe to repeat. */
    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        Mono<Void> revoke = cookie.token(exchange.getRequest()).map(sessions::revoke).orElse(Mono.empty());
        return revoke.thenReturn(ResponseEntity.status(HttpStatus.NO_CONTENT)
            .header(HttpHeaders.SET_COOKIE, cookie.clear().toString())
            .<Void>build());
    }

    private static ApiProblem asProblem(SignInRejected rejected) {
        SignInRejection reason = rejected.reason();
        return new ApiProblem(HttpStatus.valueOf(reason.status()), reason.code(), reason.title(), rejected.detail());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
