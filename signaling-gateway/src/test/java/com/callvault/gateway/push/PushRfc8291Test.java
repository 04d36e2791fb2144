package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import nl.martijndwars.webpush.Urgency;
import org.junit.jupiter.api.Test;

/** RFC 8291 §5's example decrypts with its receiver keys; what our server encrypts decrypts the same way. */
class PushRfc8291Test {

    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void the_rfc_8291_example_message_decrypts_with_the_example_receiver_keys() throws Exception {
        byte[] body = b64(BODY);

        byte[] plaintext = Rfc8291.decrypt(body, Rfc8291.privateKey(b64(UA_PRIVATE)), b64(UA_PUBLIC), b64(AUTH));

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
        // the header is the example's salt, record size 4096 and the application server's public key
        assertThat(java.util.Arrays.copyOf(body, 16)).isEqualTo(b64(SALT));
        assertThat(java.util.Arrays.copyOfRange(body, 21, 86)).isEqualTo(b64(AS_PUBLIC));
    }

    @Test
    void our_encryption_with_the_examples_salt_and_sender_keys_gives_the_examples_message_byte_for_byte() throws Exception {
        java.math.BigInteger sender = ((java.security.interfaces.ECPrivateKey) Rfc8291.privateKey(b64(AS_PRIVATE))).getS();

        byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), b64(UA_PUBLIC), b64(AUTH), b64(SALT), sender);

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(BODY);
    }

    @Test
    void a_device_key_that_is_no_p256_point_or_a_payload_over_one_record_is_refused() {
        byte[] offCurve = b64(UA_PUBLIC).clone();
        offCurve[64] ^= 1;
        WebPushEncryption encryption = new WebPushEncryption();
        assertThatThrownBy(() -> encryption.encrypt(new byte[] {1}, offCurve, b64(AUTH)))
            .isInstanceOf(java.security.GeneralSecurityException.class);
        assertThatThrownBy(() -> encryption.encrypt(new byte[] {1}, new byte[33], b64(AUTH)))
            .isInstanceOf(java.security.InvalidKeyException.class);
        assertThatThrownBy(() -> encryption.encrypt(new byte[WebPushEncryption.MAX_PAYLOAD + 1], b64(UA_PUBLIC), b64(AUTH)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_push_our_server_prepares_for_the_example_receiver_decrypts_to_its_payload_with_the_push_headers() throws Exception {
        VapidKeys vapid = VapidKeys.generate();
        PushRequests requests = new PushRequests(new VapidTokens(vapid, "mailto:ops@example.com", Clock.systemUTC()));
        byte[] payload = "{\"type\":\"message\",\"preview\":\"🍉 watermelon\"}".getBytes(StandardCharsets.UTF_8);

        PushRequests.Prepared prepared = requests.prepare(
            new PushSubscriptionStore.Target("https://push.example.net:8443/send/abc", b64(UA_PUBLIC), b64(AUTH)),
            new PushIntent("0xabc", "message", payload, Urgency.NORMAL, Duration.ofSeconds(90), "mTopic", Instant.now()));

        assertThat(Rfc8291.decrypt(prepared.body(), Rfc8291.privateKey(b64(UA_PRIVATE)), b64(UA_PUBLIC), b64(AUTH))).isEqualTo(payload);
        assertThat(prepared.headers()).containsEntry("TTL", "90").containsEntry("Urgency", "normal").containsEntry("Topic", "mTopic")
            .containsEntry("Content-Encoding", "aes128gcm");
        VapidJwt.verify(prepared.headers().get("Authorization"), vapid.publicKey(), "https://push.example.net:8443", "mailto:ops@example.com");
    }

    @Test
    void two_pushes_of_one_payload_use_fresh_keys_and_salts() throws Exception {
        KeyPair device = Rfc8291.newKeyPair();
        byte[] auth = new byte[16];
        PushRequests requests = new PushRequests(new VapidTokens(VapidKeys.generate(), "mailto:ops@example.com", Clock.systemUTC()));
        var target = new PushSubscriptionStore.Target("https://push.example.net/x", Rfc8291.encode(device.getPublic()), auth);
        var intent = new PushIntent("0xabc", "call", new byte[] {'{', '}'}, Urgency.HIGH, Duration.ofSeconds(45), null, Instant.now());

        byte[] first = requests.prepare(target, intent).body();
        byte[] second = requests.prepare(target, intent).body();

        assertThat(java.util.Arrays.copyOf(first, 86)).isNotEqualTo(java.util.Arrays.copyOf(second, 86));
        assertThat(Rfc8291.decrypt(second, device.getPrivate(), Rfc8291.encode(device.getPublic()), auth)).isEqualTo(new byte[] {'{', '}'});
    }

    static byte[] b64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
