package com.callvault.gateway.push;

import com.callvault.gateway.auth.SignedInUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/push}: the VAPID public key a browser subscribes with, and the signed-in user's subscriptions, one per
 * device (docs/push.md). Every endpoint needs a session.
 */
@RestController
@RequestMapping("/api/push")
class PushController {

    private final PushSettings settings;
    private final PushSubscriptionStore store;
    private final Clock clock;

    PushController(PushSettings settings, PushSubscriptionStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    record EndpointOnly(String endpoint) {
    }

    record Subscriptions(boolean pushEnabled, List<PushSubscriptionStore.Listed> subscriptions) {
    }

    record Subscribed(String endpoint, boolean created) {
    }

    /** The key for {@code pushManager.subscribe({applicationServerKey})}; 503 {@code push-disabled} without VAPID keys. */
    @GetMapping("/vapid-public-key")
    Mono<ResponseEntity<Map<String, String>>> vapidPublicKey() {
        return Mono.fromSupplier(() -> {
            VapidKeys keys = settings.vapid().orElseThrow(PushProblems::disabled);
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(Map.of("publicKey", keys.publicKey()));
        });
    }

    /**
     * 201 for a new device, 200 when the endpoint was known (renewed, and moved to this user and this session if another
     * had it). Pushes go to it while this session is signed in.
     */
    @PostMapping("/subscriptions")
    Mono<ResponseEntity<Subscribed>> subscribe(@AuthenticationPrincipal SignedInUser user,
                                               @RequestBody(required = false) NewSubscription.Request request,
                                               @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        return Mono.defer(() -> {
            if (!settings.enabled()) {
                throw PushProblems.disabled();
            }
            NewSubscription subscription = NewSubscription.from(request, settings.allowHttpEndpoints(), clock.instant());
            return store.save(user.address(), user.sessionId(), subscription, userAgent)
                .map(created -> ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new Subscribed(subscription.endpoint(), created)));
        });
    }

    /** {@code DELETE ?endpoint=}: 204, or 404 when the endpoint is not one of the user's subscriptions. */
    @DeleteMapping(value = "/subscriptions", params = "endpoint")
    Mono<ResponseEntity<Void>> unsubscribe(@AuthenticationPrincipal SignedInUser user, @RequestParam String endpoint) {
        return remove(user, endpoint);
    }

    /** The same with the endpoint in the body: {@code {"endpoint": ...}}, as {@code PushSubscription.toJSON()} has it. */
    @DeleteMapping(value = "/subscriptions", params = "!endpoint")
    Mono<ResponseEntity<Void>> unsubscribe(@AuthenticationPrincipal SignedInUser user, @RequestBody(required = false) EndpointOnly body) {
        return remove(user, body == null ? null : body.endpoint());
    }

    private Mono<ResponseEntity<Void>> remove(SignedInUser user, String endpoint) {
        return Mono.defer(() -> {
            if (endpoint == null || endpoint.isBlank()) {
                throw PushProblems.malformed("Name the subscription to remove: {\"endpoint\": ...} or ?endpoint=");
            }
            return store.delete(user.address(), endpoint).map(deleted -> {
                if (!deleted) {
                    throw PushProblems.notFound();
                }
                return ResponseEntity.noContent().<Void>build();
            });
        });
    }

    /** The user's devices (endpoint, browser, dates, whether their session is signed in and is this one; never the keys). */
    @GetMapping("/subscriptions")
    Mono<ResponseEntity<Subscriptions>> subscriptions(@AuthenticationPrincipal SignedInUser user) {
        return store.list(user.address(), user.sessionId()).collectList()
            .map(list -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Subscriptions(settings.enabled(), list)));
    }
}
