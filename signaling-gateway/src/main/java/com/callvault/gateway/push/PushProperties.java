package com.callvault.gateway.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web Push settings as bound from the environment (application.yml, {@code callvault.push}); {@link PushSettings#from}
 * checks them. See docs/push.md.
 *
 * @param vapidPublicKey     {@code VAPID_PUBLIC_KEY}: the uncompressed P-256 point, base64url (65 bytes)
 * @param vapidPrivateKey    {@code VAPID_PRIVATE_KEY}: the P-256 private scalar, base64url (32 bytes)
 * @param vapidSubject       {@code VAPID_SUBJECT}: a {@code mailto:} or {@code https:} contact for push services
 * @param allowHttpEndpoints {@code PUSH_ALLOW_HTTP_ENDPOINTS}: admit {@code http:} push endpoints (local testing only)
 * @param messagePreview     {@code PUSH_MESSAGE_PREVIEW}: put the start of a message's text in its push
 * @param queueCapacity      pushes waiting to be sent before new ones are dropped (and counted)
 * @param concurrency        requests to push services in flight at once
 * @param maxAttempts        tries per push before it is given up (429, 5xx, connection failures)
 * @param retryDelay         the first retry's delay; each further retry doubles it (a Retry-After header wins)
 * @param maxRetryDelay      the longest wait between two tries
 * @param requestTimeout     how long one request to a push service may take
 * @param encryptionThreads  threads that encrypt and sign pushes (CPU work); default half the cores, at least 1, so
 *                           that a burst of pushes always leaves cores to signaling and the rest of the app
 * @param threadNiceness     the nice value (0–19) the push threads (encryption, signing, HTTP to push services) run at
 *                           on Linux, default 19: a socket event loop that wakes up preempts them at once, and they take
 *                           what CPU is left; 0 leaves them at normal priority ({@link LowPriority})
 */
@ConfigurationProperties("callvault.push")
public record PushProperties(String vapidPublicKey, String vapidPrivateKey, String vapidSubject, boolean allowHttpEndpoints,
                             Boolean messagePreview, Integer queueCapacity, Integer concurrency, Integer maxAttempts,
                             Duration retryDelay, Duration maxRetryDelay, Duration requestTimeout,
                             Integer encryptionThreads, Integer threadNiceness) {

    public PushProperties {
        vapidPublicKey = strip(vapidPublicKey);
        vapidPrivateKey = strip(vapidPrivateKey);
        vapidSubject = strip(vapidSubject);
        messagePreview = messagePreview == null || messagePreview;
        queueCapacity = queueCapacity == null ? 10_000 : queueCapacity;
        concurrency = concurrency == null ? 64 : concurrency;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(5) : maxRetryDelay;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        encryptionThreads = encryptionThreads == null ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : encryptionThreads;
        threadNiceness = threadNiceness == null ? 19 : threadNiceness;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public String toString() { // never the private key
        return "PushProperties[vapidPublicKey=" + vapidPublicKey + ", vapidPrivateKey=" + (vapidPrivateKey.isEmpty() ? "" : "(set)")
            + ", vapidSubject=" + vapidSubject + ", allowHttpEndpoints=" + allowHttpEndpoints + ", messagePreview=" + messagePreview
            + ", queueCapacity=" + queueCapacity + ", concurrency=" + concurrency + ", maxAttempts=" + maxAttempts
            + ", retryDelay=" + retryDelay + ", maxRetryDelay=" + maxRetryDelay + ", requestTimeout=" + requestTimeout
            + ", encryptionThreads=" + encryptionThreads + ", threadNiceness=" + threadNiceness + "]";
    }
}
