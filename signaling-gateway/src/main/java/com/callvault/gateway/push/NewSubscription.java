package com.callvault.gateway.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * A browser's {@code PushSubscription}, checked: where to send ({@code endpoint}), the browser's P-256 key
 * ({@code p256dh}, 65 bytes) and the shared authentication secret ({@code auth}, 16 bytes) that encrypt every push to
 * it (RFC 8291), and when the browser will drop it.
 */
record NewSubscription(String endpoint, byte[] p256dh, byte[] auth, Instant expiresAt) {

    static final int MAX_ENDPOINT_LENGTH = 1024;
    static final int P256DH_BYTES = 65;
    static final int AUTH_BYTES = 16;

    /** The JSON of {@code PushSubscription.toJSON()}, as the browser gives it. */
    record Request(String endpoint, Long expirationTime, Keys keys) {
    }

    record Keys(String p256dh, String auth) {
    }

    static NewSubscription from(Request request, boolean allowHttp, Instant now) {
        if (request == null || request.endpoint() == null || request.keys() == null) {
            throw PushProblems.malformed("Send the browser's PushSubscription as JSON: {\"endpoint\": ..., \"keys\": {\"p256dh\": ..., \"auth\": ...}}");
        }
        String endpoint = endpoint(request.endpoint(), allowHttp);
        byte[] p256dh = key(request.keys().p256dh(), "p256dh", P256DH_BYTES);
        if (p256dh[0] != 0x04) {
            throw PushProblems.invalidKey("keys.p256dh must be an uncompressed P-256 point (65 bytes starting with 0x04)");
        }
        try {
            WebPushEncryption.devicePoint(p256dh); // the check every push makes: the point lies on the curve
        } catch (java.security.InvalidKeyException e) {
            throw PushProblems.invalidKey("keys.p256dh is not a point on the P-256 curve");
        }
        byte[] auth = key(request.keys().auth(), "auth", AUTH_BYTES);
        Instant expiresAt = request.expirationTime() == null ? null : Instant.ofEpochMilli(request.expirationTime());
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw PushProblems.expired();
        }
        return new NewSubscription(endpoint, p256dh, auth, expiresAt);
    }

    /** An absolute https URL (http only when allowed), no credentials or fragment, at most {@value #MAX_ENDPOINT_LENGTH} characters. */
    static String endpoint(String value, boolean allowHttp) {
        if (value.isEmpty() || value.length() > MAX_ENDPOINT_LENGTH) {
            throw PushProblems.invalidEndpoint("endpoint must be a URL of 1 to " + MAX_ENDPOINT_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw PushProblems.invalidEndpoint("endpoint is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw PushProblems.invalidEndpoint("endpoint must be an https URL" + (scheme.equals("http")
                ? " (http endpoints are admitted only with PUSH_ALLOW_HTTP_ENDPOINTS=true, for local testing)" : ""));
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw PushProblems.invalidEndpoint("endpoint must be an absolute URL with a host and no user info or fragment");
        }
        return value;
    }

    private static byte[] key(String value, String name, int length) {
        if (value == null || value.isEmpty()) {
            throw PushProblems.invalidKey("keys." + name + " is missing");
        }
        String text = value.replaceAll("=+$", "");
        if (!text.matches("[A-Za-z0-9_-]+")) {
            throw PushProblems.invalidKey("keys." + name + " must be base64url");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw PushProblems.invalidKey("keys." + name + " is not valid base64url");
        }
        if (bytes.length != length) {
            throw PushProblems.invalidKey("keys." + name + " must be " + length + " bytes, got " + bytes.length);
        }
        return bytes;
    }
}
