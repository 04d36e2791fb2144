package com.callvault.gateway.attachments;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Attachment ids: {@code att_} and 22 base64url characters, 128 random bits. Unguessable, though knowing an
 * id grants nothing by itself: downloads are checked against the uploader and conversation membership.
 */
final class AttachmentId {

    private static final Pattern FORMAT = Pattern.compile("att_[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AttachmentId() {
    }

    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "att_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code value} could be an id we issued; anything else is answered without asking the database. */
    static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
