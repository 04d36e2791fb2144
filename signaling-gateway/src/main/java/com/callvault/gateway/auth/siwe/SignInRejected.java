package com.callvault.gateway.auth.siwe;

import java.util.Objects;

/**
 * A sign-in attempt was turned down. {@link #getMessage()} is the human {@link #detail()}: it may quote the
 * message and the address, which are public, and never holds anything secret.
 */
public final class SignInRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SignInRejection reason;

    public SignInRejected(SignInRejection reason, String detail) {
        // No stack trace: rejections are an expected answer on a public endpoint that anyone can trigger in bulk,
        // so capturing one per attempt would be wasted work and tells nobody anything.
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SignInRejection reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "SignInRejected[" + reason.code() + ": " + getMessage() + "]";
    }
}
