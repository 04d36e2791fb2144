package com.callvault.gateway.push;

import java.time.Duration;
import java.util.Optional;

/**
 * The Web Push configuration, checked: with no VAPID keys push is off (the server still starts); keys that are set
 * but unusable stop the start-up, naming the variable.
 *
 * @param vapid              the key pair; empty when push is disabled
 * @param subject            {@code VAPID_SUBJECT}, the {@code sub} of every VAPID JWT
 * @param allowHttpEndpoints {@code PUSH_ALLOW_HTTP_ENDPOINTS}
 * @param messagePreview     {@code PUSH_MESSAGE_PREVIEW}
 */
public record PushSettings(Optional<VapidKeys> vapid, String subject, boolean allowHttpEndpoints, boolean messagePreview,
                           int queueCapacity, int concurrency, int maxAttempts, Duration retryDelay, Duration maxRetryDelay,
                           Duration requestTimeout, int encryptionThreads, int threadNiceness) {

    public static PushSettings from(PushProperties properties) {
        boolean hasPublic = !properties.vapidPublicKey().isEmpty();
        boolean hasPrivate = !properties.vapidPrivateKey().isEmpty();
        if (hasPublic != hasPrivate) {
            throw new IllegalArgumentException((hasPublic ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY") + " is missing: set both VAPID keys "
                + "(from 'java -jar callvault.jar vapid-keys') or neither (push disabled)");
        }
        Optional<VapidKeys> keys = hasPublic ? Optional.of(VapidKeys.parse(properties.vapidPublicKey(), properties.vapidPrivateKey()))
            : Optional.empty();
        String subject = properties.vapidSubject();
        if (keys.isPresent() && subject.isEmpty()) {
            throw new IllegalArgumentException("VAPID_SUBJECT is required with VAPID keys: a mailto: address or https: URL push services "
                + "can reach you at (RFC 8292), e.g. mailto:ops@callvs.com");
        }
        if (!subject.isEmpty() && !subject.matches("(?i)mailto:[^\\s@]+@[^\\s@]+") && !subject.matches("(?i)https://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("VAPID_SUBJECT must be a mailto: address or an https: URL that push services can "
                + "reach you at (RFC 8292), e.g. mailto:ops@callvs.com; got '" + subject + "'");
        }
        positive(properties.queueCapacity(), "callvault.push.queue-capacity");
        positive(properties.concurrency(), "callvault.push.concurrency");
        positive(properties.maxAttempts(), "callvault.push.max-attempts");
        positive(properties.encryptionThreads(), "callvault.push.encryption-threads");
        if (properties.threadNiceness() < 0 || properties.threadNiceness() > 19) {
            throw new IllegalArgumentException("callvault.push.thread-niceness must be between 0 (normal priority) and 19, got "
                + properties.threadNiceness());
        }
        return new PushSettings(keys, subject, properties.allowHttpEndpoints(), properties.messagePreview(), properties.queueCapacity(),
            properties.concurrency(), properties.maxAttempts(), properties.retryDelay(), properties.maxRetryDelay(),
            properties.requestTimeout(), properties.encryptionThreads(), properties.threadNiceness());
    }

    public boolean enabled() {
        return vapid.isPresent();
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
