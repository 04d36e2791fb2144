package com.callvault.gateway.ice.verify;

import com.callvault.gateway.ice.IceSettings;
import com.callvault.gateway.ice.TurnCredential;
import com.callvault.gateway.ice.TurnMode;
import com.callvault.gateway.ice.TurnRestCredentials;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials checks allocate with, made as users get theirs: in rest mode signed with the first
 * {@code TURN_SECRET} under the user {@code <TURN_USER_PREFIX>ice-check} (so coturn's log tells checks from calls), in
 * custom mode the static {@code TURN_USERNAME}/{@code TURN_CREDENTIAL}. After a 401, {@link #after401} names the
 * credentials whose success tells why.
 */
final class CheckCredentials {

    static final String USER = "ice-check";
    /** Far enough ahead that any real clock difference is inside it. */
    static final Duration FAR_EXPIRY = Duration.ofDays(365);

    /** A credential to try after a 401, and what it means when the server accepts it. */
    record Diagnosis(TurnCredential credential, Verdict verdict, String detail) {
    }

    private final IceSettings settings;

    CheckCredentials(IceSettings settings) {
        this.settings = settings;
    }

    TurnMode mode() {
        return settings.mode();
    }

    /** What users get at {@code now} (rest: valid for {@code lifetime}); null in mode none. */
    TurnCredential primary(Instant now, Duration lifetime) {
        return switch (settings.mode()) {
            case REST -> rest(settings.secrets().getFirst(), now.plus(lifetime));
            case CUSTOM -> new TurnCredential(settings.username(), settings.credential(), null);
            case NONE -> null;
        };
    }

    /**
     * Rest mode: the first secret with an expiry a year ahead (accepted: the server's clock runs ahead of ours by more
     * than the lifetime), then each other secret (accepted: the server lacks the secret that signs).
     */
    List<Diagnosis> after401(Instant now, Duration lifetime) {
        if (settings.mode() != TurnMode.REST) {
            return List.of();
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        diagnoses.add(new Diagnosis(rest(settings.secrets().getFirst(), now.plus(FAR_EXPIRY)), Verdict.CLOCK_SKEW,
            "401 Unauthorized to a credential expiring in " + seconds(lifetime) + ", yet a credential signed with the same secret and "
                + "expiring in a year is accepted: the TURN server's clock is at least " + seconds(lifetime) + " ahead of this "
                + "server's (now " + now.truncatedTo(ChronoUnit.SECONDS) + " here). Synchronise both clocks (NTP)."));
        for (int i = 1; i < settings.secrets().size(); i++) {
            diagnoses.add(new Diagnosis(rest(settings.secrets().get(i), now.plus(lifetime)), Verdict.WRONG_CREDENTIALS,
                "401 Unauthorized to a credential signed with the first TURN_SECRET, the one that signs, but secret #" + (i + 1)
                    + " of TURN_SECRET is accepted: the TURN server lacks the new secret. Add it to coturn (static-auth-secret or "
                    + "its turn_secret table) before it signs (rotation step 1)."));
        }
        return diagnoses;
    }

    /** The words for a 401 that nothing in {@link #after401} explained. */
    String wrongCredentials() {
        return switch (settings.mode()) {
            case REST -> "401 Unauthorized to a fresh credential signed with the first TURN_SECRET, and to one expiring in a year"
                + (settings.secrets().size() > 1 ? ", and to the other TURN_SECRET values" : "")
                + ": the TURN server does not hold this secret. Set coturn's static-auth-secret to the first value of TURN_SECRET, "
                + "with use-auth-secret on (and no lt-cred-mech).";
            case CUSTOM -> "401 Unauthorized to TURN_USERNAME/TURN_CREDENTIAL: the TURN server does not know this user or password "
                + "(coturn: a user= line or turnadmin entry with lt-cred-mech, in the realm it answers with).";
            case NONE -> "401 Unauthorized";
        };
    }

    private TurnCredential rest(String secret, Instant expiry) {
        Instant expiresAt = expiry.truncatedTo(ChronoUnit.SECONDS);
        String username = expiresAt.getEpochSecond() + ":" + settings.userPrefix() + USER;
        return new TurnCredential(username, TurnRestCredentials.password(secret, username), expiresAt);
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
