package com.callvault.gateway.push;

import java.time.Duration;
import java.time.Instant;
import nl.martijndwars.webpush.Urgency;

/**
 * A push for every device of one user: what to say ({@code payload}, JSON, encrypted per device), how urgently, how
 * long a push service may hold it for an offline device ({@code ttl}), and the {@code topic} a later push replaces it
 * by (RFC 8030 §5.4; null for none).
 *
 * @param kind     for metrics and logs: {@code call}, {@code call-ended} or {@code message}
 * @param queuedAt when the event asked for it; no retry is sent once {@code queuedAt + ttl} has passed
 */
record PushIntent(String recipient, String kind, byte[] payload, Urgency urgency, Duration ttl, String topic, Instant queuedAt) {
}
