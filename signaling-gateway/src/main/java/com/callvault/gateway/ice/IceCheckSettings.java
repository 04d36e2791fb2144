package com.callvault.gateway.ice;

import com.callvault.gateway.settings.InvalidSettingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The checks' settings, validated: the app does not start with settings the checks cannot use, and every refusal names
 * the variable.
 *
 * @param externalIps      {@code TURN_EXTERNAL_IP} as addresses; empty: relayed addresses are not compared
 * @param tls              the TLS context for {@code turns:}/{@code stuns:}: trusts {@code TURN_TLS_TRUST} or the JDK's store
 * @param tlsTrust         {@code TURN_TLS_TRUST} as written (blank: the JDK's trust store)
 * @param verifyTimeout    {@code ICE_VERIFY_TIMEOUT}
 * @param health           the background TURN health checks
 */
public record IceCheckSettings(List<InetAddress> externalIps, SSLContext tls, String tlsTrust, Duration verifyTimeout, Health health) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*");

    /**
     * @param enabled    {@code TURN_HEALTH_ENABLED}
     * @param interval   {@code TURN_HEALTH_INTERVAL}
     * @param timeout    {@code TURN_HEALTH_TIMEOUT}
     * @param failures   {@code TURN_HEALTH_FAILURES}
     * @param recoveries {@code TURN_HEALTH_RECOVERIES}
     */
    public record Health(boolean enabled, Duration interval, Duration timeout, int failures, int recoveries) {
    }

    public IceCheckSettings {
        externalIps = List.copyOf(externalIps);
    }

    public static IceCheckSettings from(IceCheckProperties properties) {
        List<InetAddress> external = new ArrayList<>();
        for (String ip : properties.externalIp()) {
            external.add(ipLiteral(ip));
        }
        Duration verifyTimeout = within(properties.verifyTimeout(), "ICE_VERIFY_TIMEOUT", Duration.ofMillis(500), Duration.ofMinutes(1));
        Health health = new Health(properties.healthEnabled(),
            within(properties.healthInterval(), "TURN_HEALTH_INTERVAL", Duration.ofSeconds(1), Duration.ofHours(1)),
            within(properties.healthTimeout(), "TURN_HEALTH_TIMEOUT", Duration.ofMillis(500), Duration.ofMinutes(1)),
            count(properties.healthFailures(), "TURN_HEALTH_FAILURES"), count(properties.healthRecoveries(), "TURN_HEALTH_RECOVERIES"));
        return new IceCheckSettings(external, tls(properties.tlsTrust()), properties.tlsTrust(), verifyTimeout, health);
    }

    private static InetAddress ipLiteral(String value) {
        String ip = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
            throw new InvalidSettingException("TURN_EXTERNAL_IP holds '" + value + "': write the relay's public IP address, as in coturn's "
                + "external-ip (e.g. 203.0.113.7), not a host name");
        }
        try {
            return InetAddress.getByName(ip); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new InvalidSettingException("TURN_EXTERNAL_IP holds '" + value + "', which is not an IP address");
        }
    }

    private static Duration within(Duration value, String variable, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidSettingException(variable + " must be between " + min.toMillis() + " ms and " + max.toSeconds() + " s, got "
                + value.toMillis() + " ms");
        }
        return value;
    }

    private static int count(int value, String variable) {
        if (value < 1 || value > 10) {
            throw new InvalidSettingException(variable + " must be from 1 to 10, got " + value);
        }
        return value;
    }

    /** The JDK's trust store, or one holding exactly the certificates of the PEM file {@code TURN_TLS_TRUST} names. */
    static SSLContext tls(String trustFile) {
        try {
            if (trustFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            Path path = Path.of(trustFile);
            if (!Files.isReadable(path)) {
                throw new InvalidSettingException("TURN_TLS_TRUST names '" + trustFile + "', which is not a readable file");
            }
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(path)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (GeneralSecurityException | IOException e) {
                throw new InvalidSettingException("TURN_TLS_TRUST names '" + trustFile + "', which holds no readable PEM certificate: "
                    + e.getMessage());
            }
            if (certificates.isEmpty()) {
                throw new InvalidSettingException("TURN_TLS_TRUST names '" + trustFile + "', which holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("turn-trust-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "IceCheckSettings[externalIps=" + externalIps + ", tlsTrust=" + (tlsTrust.isEmpty() ? "(JDK trust store)" : tlsTrust)
            + ", verifyTimeout=" + verifyTimeout + ", health=" + health + "]";
    }
}
