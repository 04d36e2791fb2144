package com.callvault.bench.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The app's HTTP API as the benchmark uses it: sign-in (GET /api/auth/nonce, EIP-4361 message, EIP-191
 * signature, POST /api/auth/verify → bearer token), starting a conversation, sending a message, push subscriptions,
 * metrics, health.
 */
final class Api {

    /** A signed-in wallet: its bearer token proves the session (stored server-side, so it outlives app restarts). */
    record Session(String name, String address, String token) {
    }

    private final HttpClient http;
    private final URI base;
    private final String publicUrl;

    Api(HttpClient http, String appUrl, String publicUrl) {
        this.http = http;
        this.base = URI.create(appUrl.endsWith("/") ? appUrl : appUrl + "/");
        this.publicUrl = publicUrl;
    }

    String publicUrl() {
        return publicUrl;
    }

    /** ws://host:port/ws of the app. */
    URI webSocketUri() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws");
    }

    Session signIn(String name, Wallet wallet) {
        JsonNode nonce = call(get("api/auth/nonce"), 200);
        long chainId = nonce.path("chainId").asLong(1);
        String message = wallet.message(nonce.path("domain").asString(), nonce.path("uri").asString(), chainId,
            nonce.path("nonce").asString());
        String body = Json.write(Map.of("message", message, "signature", wallet.sign(message)));
        JsonNode verified = call(post("api/auth/verify", null, body), 200);
        return new Session(name, wallet.address(), verified.path("token").asString());
    }

    /** POST /api/conversations {"peer": …}: starts (or finds) the direct conversation; answers its id. */
    String startConversation(Session me, String peerAddress) {
        JsonNode opened = call(post("api/conversations", me.token(), Json.write(Map.of("peer", peerAddress))), 200, 201);
        String id = opened.path("conversationId").asString(null);
        if (id == null) {
            throw new IllegalStateException("POST /api/conversations answered without a conversationId: " + opened);
        }
        return id;
    }

    /** POST /api/push/subscriptions: a browser's {@code PushSubscription.toJSON()} for this user. */
    void subscribePush(Session me, Map<String, Object> subscription) {
        call(post("api/push/subscriptions", me.token(), Json.write(subscription)), 200, 201);
    }

    /** PUT /api/conversations/{id}/messages/{clientMessageId}, asynchronously: the status code. */
    java.util.concurrent.CompletableFuture<Integer> sendMessage(Session me, String conversationId, String clientMessageId, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/conversations/" + conversationId + "/messages/" + clientMessageId))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Origin", publicUrl)
            .header("Authorization", "Bearer " + me.token())
            .PUT(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("body", body))))
            .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** GET /actuator/prometheus (open to scrapers): the text exposition. */
    String prometheus() {
        try {
            return http.send(get("actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("GET /actuator/prometheus failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = http.send(get("actuator/health"), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!healthy()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the app at " + base + " did not become healthy within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build();
    }

    private HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Origin", publicUrl)
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private JsonNode call(HttpRequest request, int... expected) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return Json.parse(response.body());
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
            + ": " + response.body());
    }
}
