package com.callvault.gateway.diagnostics;

import com.callvault.gateway.database.DatabaseUrl;
import com.callvault.gateway.ice.IceProperties;
import com.callvault.gateway.push.PushProperties;
import com.callvault.gateway.settings.CallVaultProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured secrets (TURN secrets and static credential, the VAPID private key, the database password), replaced
 * by {@code ****} wherever one appears in a report: checks are written never to include one, and this makes sure of it
 * (a driver's error message, say). Values shorter than {@link #MIN_LENGTH} are not masked: they would blot out ordinary
 * words, and no accepted secret is that short.
 */
public final class SecretMask {

    static final int MIN_LENGTH = 6;
    static final String MASK = "****";

    private final List<String> secrets;

    SecretMask(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_LENGTH).distinct()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static SecretMask of(CallVaultProperties app, IceProperties ice, PushProperties push) {
        List<String> secrets = new ArrayList<>(ice.turnSecret());
        secrets.add(ice.turnCredential());
        secrets.add(push.vapidPrivateKey());
        String databaseUrl = app.databaseUrl();
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            try {
                secrets.add(DatabaseUrl.parse(databaseUrl).password());
            } catch (IllegalArgumentException unparsable) {
                secrets.add(databaseUrl.strip()); // the database check says why; mask the whole value meanwhile
            }
        }
        return new SecretMask(secrets);
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    CheckResult apply(CheckResult result) {
        return new CheckResult(result.status(), apply(result.summary()), maskMap(result.details()));
    }

    private Map<String, Object> maskMap(Map<?, ?> map) {
        Map<String, Object> masked = new LinkedHashMap<>();
        map.forEach((key, value) -> masked.put(apply(String.valueOf(key)), mask(value)));
        return masked;
    }

    private Object mask(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> apply(s);
            case Map<?, ?> m -> maskMap(m);
            case List<?> l -> l.stream().map(this::mask).toList();
            case Number n -> n;
            case Boolean b -> b;
            default -> apply(String.valueOf(value));
        };
    }
}
