package com.callvault.gateway.ice;

import com.callvault.gateway.auth.SignedInUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ice-servers}: STUN and TURN servers for the signed-in user, never cached (the answer holds a
 * credential). Nothing of it is logged.
 */
@RestController
class IceServersController {

    private final IceServers iceServers;

    IceServersController(IceServers iceServers) {
        this.iceServers = iceServers;
    }

    @GetMapping("/api/ice-servers")
    ResponseEntity<IceServersResponse> iceServers(@AuthenticationPrincipal SignedInUser user) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(iceServers.forUser(user.address()));
    }
}
