package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Checks an RFC 8292 {@code Authorization: vapid t=<JWT>, k=<key>} header as a push service would. */
final class VapidJwt {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VapidJwt() {
    }

    static void verify(String authorization, String publicKey, String audience, String subject) throws Exception {
        assertThat(authorization).startsWith("vapid ");
        String token = null;
        String key = null;
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair[0].equals("t")) {
                token = pair[1];
            } else if (pair[0].equals("k")) {
                key = pair[1];
            }
        }
        assertThat(key).as("k").isEqualTo(publicKey);
        String[] jwt = token.split("\\.");
        assertThat(jwt).hasSize(3);
        Map<?, ?> header = JSON.readValue(Base64.getUrlDecoder().decode(jwt[0]), Map.class);
        assertThat(header.get("alg")).isEqualTo("ES256");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format"); // JWS signatures are r || s
        es256.initVerify(Rfc8291.publicKey(Base64.getUrlDecoder().decode(key)));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("ES256 signature verifies with the VAPID public key").isTrue();
        Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(jwt[1]), Map.class);
        assertThat(claims.get("aud")).isEqualTo(audience);
        assertThat(claims.get("sub")).isEqualTo(subject);
        long exp = ((Number) claims.get("exp")).longValue();
        long now = Instant.now().getEpochSecond();
        assertThat(exp).as("exp is in the future and at most 24 h away").isGreaterThan(now).isLessThanOrEqualTo(now + 24 * 3600);
    }
}
