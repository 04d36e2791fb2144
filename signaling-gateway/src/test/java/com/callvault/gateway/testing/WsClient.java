package com.callvault.gateway.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client for tests: sends JSON frames, records every frame received, in order. */
public final class WsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final Disposable connection;
    private volatile String closeReason;

    private WsClient(int port, String query, HttpHeaders headers) {
        connection = new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/ws" + query), headers, session ->
            session.send(outgoing.asFlux().map(session::textMessage))
                .and(session.receive()
                    .filter(m -> m.getType() == WebSocketMessage.Type.TEXT)
                    .doOnNext(m -> received.add(parse(m.getPayloadAsText()))))
                .and(session.closeStatus().doOnNext(status -> closeReason = status.getCode() + " " + status.getReason())))
            .subscribe(done -> { }, error -> closeReason = "error: " + error.getMessage());
    }

    public static WsClient connect(int port, String token) {
        WsClient client = tryConnect(port, token, null);
        client.await(frame -> "hello".equals(frame.get("type")));
        return client;
    }

    /** A socket that is the device {@code device} (a browser tab names itself so, across its reconnects). */
    public static WsClient connectAs(int port, String token, String device) {
        WsClient client = tryConnectAs(port, token, device);
        client.await(frame -> "hello".equals(frame.get("type")));
        return client;
    }

    public static WsClient tryConnectAs(int port, String token, String device) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setOrigin(GatewayIntegrationTest.PUBLIC_URL);
        return new WsClient(port, "?device=" + java.net.URLEncoder.encode(device, java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    /**
     * Opens a socket without waiting for it: {@link #closeReason()} tells how a refused handshake ended.
     * Like a browser on the public site, it sends that site as {@code Origin} unless told otherwise.
     */
    public static WsClient tryConnect(int port, String token, String origin) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setOrigin(origin != null ? origin : GatewayIntegrationTest.PUBLIC_URL);
        return new WsClient(port, "", headers);
    }

    public void send(Map<String, ?> frame) {
        sendText(JSON.writeValueAsString(frame));
    }

    public void sendText(String text) {
        outgoing.tryEmitNext(text);
    }

    /** Waits for the first frame (from the start) that matches, and answers it. */
    public Map<String, Object> await(Predicate<Map<String, Object>> match) {
        try {
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> received.stream().filter(match).findFirst().orElse(null), f -> f != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no matching frame; socket " + (closeReason == null ? "open" : "closed: " + closeReason)
                + "; received " + received, e);
        }
    }

    public Map<String, Object> awaitType(String type, String key, Object value) {
        return await(frame -> type.equals(frame.get("type")) && value.equals(frame.get(key)));
    }

    public List<Map<String, Object>> received() {
        return List.copyOf(received);
    }

    public List<Map<String, Object>> received(String type) {
        return received.stream().filter(f -> type.equals(f.get("type"))).toList();
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        outgoing.tryEmitComplete();
        connection.dispose();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        return JSON.readValue(text, Map.class);
    }
}
