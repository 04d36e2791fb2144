package com.callvault.gateway.ice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate made for a test by the JDK's {@code keytool} (EC P-256, valid two days), written as PEM
 * for coturn ({@code cert=}, {@code pkey=}) and for {@code TURN_TLS_TRUST}.
 *
 * @param certificate the certificate, PEM
 * @param key         its private key, PKCS#8 PEM
 */
record TestCertificate(Path certificate, Path key) {

    /** A certificate whose subject alternative names are {@code san}, e.g. {@code ip:127.0.0.1,dns:localhost}. */
    static TestCertificate selfSigned(String san) {
        try {
            Path dir = Files.createTempDirectory("callvault-tls");
            Path store = dir.resolve("turn.p12");
            char[] password = "changeit".toCharArray();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "turn", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=callvault test TURN", "-ext", "SAN=" + san,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            Certificate certificate = keys.getCertificate("turn");
            PrivateKey key = (PrivateKey) keys.getKey("turn", password);
            Path certificatePem = Files.writeString(dir.resolve("turn-cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
            Path keyPem = Files.writeString(dir.resolve("turn-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return new TestCertificate(certificatePem, keyPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = String.join("\n", split(Base64.getEncoder().encodeToString(der)));
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static List<String> split(String base64) {
        return java.util.stream.IntStream.range(0, (base64.length() + 63) / 64)
            .mapToObj(i -> base64.substring(i * 64, Math.min(base64.length(), (i + 1) * 64))).toList();
    }
}
