package com.callvault.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A peer that stops answering (its network vanished) is found by the server's pings and closed. The client
 * here is a raw TCP socket that completes the upgrade, reads what it is sent, and never answers a ping.
 */
@TestPropertySource(properties = {"callvault.websocket.heartbeat=300ms", "callvault.websocket.idle-timeout=1200ms"})
class HeartbeatTest extends GatewayIntegrationTest {

    @Test
    void a_socket_that_never_answers_pings_is_closed_after_the_idle_timeout() throws IOException {
        String token = signIn(TestWallet.random());
        try (Socket socket = new Socket("localhost", port)) {
            String key = Base64.getEncoder().encodeToString("callvault-test-key".getBytes(StandardCharsets.US_ASCII)).substring(0, 22) + "==";
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\nOrigin: " + PUBLIC_URL + "\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            AtomicBoolean closedByServer = new AtomicBoolean();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = socket.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        synchronized (received) {
                            received.write(buffer, 0, n);
                        }
                    }
                    closedByServer.set(true);
                } catch (IOException e) {
                    closedByServer.set(true);
                }
            });

            await().atMost(Duration.ofSeconds(10)).untilTrue(closedByServer);
            reader.interrupt();
            String transcript;
            synchronized (received) {
                transcript = received.toString(StandardCharsets.ISO_8859_1);
            }
            assertThat(transcript).startsWith("HTTP/1.1 101").contains("\"type\":\"hello\"").contains("no heartbeat");
        }
    }
}
