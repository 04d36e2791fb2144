package com.callvault.gateway.diagnostics;

import com.callvault.gateway.push.PushProperties;
import com.callvault.gateway.push.PushSettings;
import com.callvault.gateway.push.VapidKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import reactor.core.publisher.Mono;

/**
 * {@code vapid}: the Web Push key pair ({@code VAPID_PUBLIC_KEY}, {@code VAPID_PRIVATE_KEY}) and {@code VAPID_SUBJECT}.
 * Both keys must be P-256 keys of one pair: checked as the server does at start-up, then proven by signing a fresh
 * value with the private key and verifying it with the public one (ES256, as every VAPID token is signed). Only the
 * public key is reported.
 */
final class VapidCheck implements DiagnosticCheck {

    private final PushProperties properties;

    VapidCheck(PushProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "vapid";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        return Mono.fromSupplier(this::check);
    }

    private CheckResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("publicKeySet", !properties.vapidPublicKey().isEmpty());
        details.put("privateKeySet", !properties.vapidPrivateKey().isEmpty());
        details.put("subject", properties.vapidSubject());
        PushSettings settings;
        try {
            settings = PushSettings.from(properties);
        } catch (IllegalArgumentException refused) {
            return CheckResult.fail("Web Push keys are unusable: " + refused.getMessage(), details);
        }
        if (!settings.enabled()) {
            return CheckResult.warn("Web Push is off: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set, so nobody is told of a call "
                + "or message while the app is closed (generate a pair with 'java -jar callvault.jar vapid-keys')", details);
        }
        VapidKeys keys = settings.vapid().get();
        details.put("publicKey", keys.publicKey());
        if (!signsAndVerifies(keys.keyPair())) {
            return CheckResult.fail("The VAPID private key's signatures do not verify with VAPID_PUBLIC_KEY: set both from one "
                + "'vapid-keys' output", details);
        }
        return CheckResult.ok("Web Push on: the VAPID keys are one P-256 pair (a test signature verifies), subject "
            + settings.subject(), details);
    }

    static boolean signsAndVerifies(KeyPair pair) {
        VapidKeys.installBouncyCastle();
        byte[] value = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA", BouncyCastleProvider.PROVIDER_NAME);
            signer.initSign(pair.getPrivate());
            signer.update(value);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA", BouncyCastleProvider.PROVIDER_NAME);
            verifier.initVerify(pair.getPublic());
            verifier.update(value);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
