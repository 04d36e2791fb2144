package com.callvault.gateway.ice.verify;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/admin/ice-verify} (admin role, checked for all of {@code /api/admin/**} by the security
 * configuration): checks every STUN/TURN URI from this server and says, per URI, what works and why not.
 * See docs/ice-servers.md and docs/turn-troubleshooting.md.
 */
@RestController
class IceVerifyController {

    private final IceVerifier verifier;

    IceVerifyController(IceVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/admin/ice-verify")
    Mono<ResponseEntity<IceVerifyReport>> verify() {
        return Mono.fromCallable(verifier::verify)
            .subscribeOn(Schedulers.boundedElastic()) // it waits on sockets for up to ICE_VERIFY_TIMEOUT
            .map(report -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report));
    }
}
