package com.callvault.gateway.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings, bound from the environment variables operators already use (see application.yml and the
 * configuration table in the README).
 *
 * @param databaseUrl    {@code DATABASE_URL} in libpq form; blank means the embedded database
 * @param publicUrl      {@code PUBLIC_URL}, the origin users reach
 * @param trustProxy     {@code TRUST_PROXY}: honour {@code Forwarded}/{@code X-Forwarded-*} headers
 * @param adminAddresses {@code ADMIN_ADDRESSES}: addresses that get the admin role when they sign in
 * @param dataDir        {@code DATA_DIR}: where the embedded database keeps its files
 */
@ConfigurationProperties("callvault")
public record CallVaultProperties(String databaseUrl, String publicUrl, boolean trustProxy,
                                  List<String> adminAddresses, Path dataDir, Siwe siwe, Session session) {

    public CallVaultProperties {
        adminAddresses = adminAddresses == null ? List.of() : adminAddresses;
    }

    /** Sign-in rules: which chains are accepted, how long a nonce lives, the statement clients show. */
    public record Siwe(Set<Long> chainIds, Duration nonceTtl, Duration clockSkew, Duration maxMessageAge, String statement) {
    }

    /** Sessions: lifetime and cookie name. */
    public record Session(Duration ttl, String cookieName) {
    }
}
