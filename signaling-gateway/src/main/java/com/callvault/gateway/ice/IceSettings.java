package com.callvault.gateway.ice;

import com.callvault.gateway.settings.InvalidSettingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ICE server configuration, checked: the app does not start with settings a browser would choke on or that
 * cannot produce working TURN credentials, and every refusal names the variable to fix.
 *
 * @param mode       how TURN credentials are handed out
 * @param stunUris   from {@code STUN_URLS}
 * @param turnUris   from {@code TURN_URLS} (none in mode {@code none})
 * @param secrets    {@code TURN_SECRET} split at commas: the first signs, the others are accepted by coturn during a rotation
 * @param username   {@code TURN_USERNAME} (custom mode)
 * @param credential {@code TURN_CREDENTIAL} (custom mode)
 * @param ttl        {@code TURN_TTL}: lifetime of issued credentials and the refresh horizon in every mode
 * @param userPrefix {@code TURN_USER_PREFIX}: put before the pseudonym in TURN REST usernames
 */
public record IceSettings(TurnMode mode, List<IceUri> stunUris, List<IceUri> turnUris, List<String> secrets, String username,
                          String credential, Duration ttl, String userPrefix) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    public static final Duration MAX_TTL = Duration.ofDays(7);
    public static final int MIN_SECRET_LENGTH = 16;

    public IceSettings {
        stunUris = List.copyOf(stunUris);
        turnUris = List.copyOf(turnUris);
        secrets = List.copyOf(secrets);
    }

    /** Checks the bound settings; an {@link InvalidSettingException} naming the variable when they cannot work. */
    public static IceSettings from(IceProperties properties) {
        TurnMode mode = mode(properties);
        List<IceUri> stun = properties.stunUrls().stream().map(value -> {
            IceUri uri = IceUri.parse(value, "STUN_URLS");
            if (uri.turn()) {
                throw new InvalidSettingException("STUN_URLS holds a TURN URI '" + value + "': put it in TURN_URLS");
            }
            return uri;
        }).toList();
        List<IceUri> turn = properties.turnUrls().stream().map(value -> {
            IceUri uri = IceUri.parse(value, "TURN_URLS");
            if (!uri.turn()) {
                throw new InvalidSettingException("TURN_URLS holds a STUN URI '" + value + "': put it in STUN_URLS");
            }
            return uri;
        }).toList();
        Duration ttl = properties.turnTtl() == null ? DEFAULT_TTL : properties.turnTtl();
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidSettingException("TURN_TTL must be between 1m and 7d (a bare number is seconds), got " + ttl.toSeconds() + " s");
        }
        String prefix = properties.turnUserPrefix();
        if (!prefix.matches("[A-Za-z0-9._-]{0,32}")) {
            throw new InvalidSettingException("TURN_USER_PREFIX may hold up to 32 letters, digits, '.', '_' or '-' (no ':'), got '" + prefix + "'");
        }
        switch (mode) {
            case REST -> {
                if (properties.turnSecret().isEmpty()) {
                    throw new InvalidSettingException("TURN_SECRET is required when TURN_MODE=rest: the secret shared with coturn's static-auth-secret");
                }
                for (String secret : properties.turnSecret()) {
                    if (secret.length() < MIN_SECRET_LENGTH) {
                        throw new InvalidSettingException("TURN_SECRET: every secret needs at least " + MIN_SECRET_LENGTH
                            + " characters (e.g. the output of 'openssl rand -hex 32'); one has " + secret.length());
                    }
                }
                requireTurnUrls(turn, mode);
            }
            case CUSTOM -> {
                if (properties.turnUsername().isEmpty() || properties.turnCredential().isEmpty()) {
                    throw new InvalidSettingException("TURN_USERNAME and TURN_CREDENTIAL are both required when TURN_MODE=custom"
                        + (properties.turnUsername().isEmpty() ? " (TURN_USERNAME is missing)" : " (TURN_CREDENTIAL is missing)"));
                }
                requireTurnUrls(turn, mode);
            }
            case NONE -> turn = List.of();
        }
        return new IceSettings(mode, stun, turn, mode == TurnMode.REST ? properties.turnSecret() : List.of(),
            mode == TurnMode.CUSTOM ? properties.turnUsername() : "", mode == TurnMode.CUSTOM ? properties.turnCredential() : "",
            ttl, prefix);
    }

    /** {@code TURN_MODE} as written, or inferred from which credentials are set when it is blank. */
    private static TurnMode mode(IceProperties properties) {
        String written = properties.turnMode().toLowerCase(Locale.ROOT);
        boolean secret = !properties.turnSecret().isEmpty();
        boolean fixed = !properties.turnUsername().isEmpty() || !properties.turnCredential().isEmpty();
        return switch (written) {
            case "rest" -> TurnMode.REST;
            case "custom" -> TurnMode.CUSTOM;
            case "none" -> TurnMode.NONE;
            case "" -> {
                if (secret && fixed) {
                    throw new InvalidSettingException("TURN_MODE is not set and both TURN_SECRET and TURN_USERNAME/TURN_CREDENTIAL are: "
                        + "set TURN_MODE to rest or custom");
                }
                if (secret) {
                    yield TurnMode.REST;
                }
                if (fixed) {
                    yield TurnMode.CUSTOM;
                }
                if (!properties.turnUrls().isEmpty()) {
                    throw new InvalidSettingException("TURN_URLS is set but TURN_MODE is not and there are no TURN credentials: set "
                        + "TURN_MODE=rest with TURN_SECRET, TURN_MODE=custom with TURN_USERNAME and TURN_CREDENTIAL, or TURN_MODE=none");
                }
                yield TurnMode.NONE;
            }
            default -> throw new InvalidSettingException("TURN_MODE must be rest, custom or none, got '" + properties.turnMode() + "'");
        };
    }

    private static void requireTurnUrls(List<IceUri> turn, TurnMode mode) {
        if (turn.isEmpty()) {
            throw new InvalidSettingException("TURN_URLS is required when TURN_MODE=" + mode.wireName()
                + ", e.g. turn:turn.example.com:3478?transport=udp,turn:turn.example.com:3478?transport=tcp");
        }
    }

    /** What an operator should know about this configuration (logged at start-up; diagnostics show them later). */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (mode == TurnMode.CUSTOM) {
            warnings.add("TURN_MODE=custom gives every user the same static TURN credential, which never expires: "
                + "anyone who reads it from a browser can use the relay. Prefer TURN_MODE=rest with TURN_SECRET.");
        }
        if (mode == TurnMode.NONE) {
            warnings.add("No TURN server (TURN_MODE=none): calls between users behind symmetric NATs or strict firewalls will fail.");
        }
        if (mode != TurnMode.NONE && turnUris.stream().noneMatch(uri -> uri.effectiveTransport().equals("tcp"))) {
            warnings.add("No TURN URI over TCP (?transport=tcp or turns:): users on networks that block UDP cannot relay.");
        }
        return warnings;
    }

    @Override
    public String toString() { // never the secrets or the static credential
        return "IceSettings[mode=" + mode.wireName() + ", stun=" + stunUris + ", turn=" + turnUris + ", secrets=" + secrets.size()
            + ", ttl=" + ttl + ", userPrefix=" + userPrefix + "]";
    }
}
