-- Sign-in state of the gateway (not events: nonces and session secrets are operational, short-lived data).

-- Nonces issued by GET /api/auth/nonce; consumed once by POST /api/auth/verify.
CREATE TABLE auth_nonce (
    nonce       VARCHAR(64) PRIMARY KEY,
    issued_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    consumed_at TIMESTAMPTZ
);
CREATE INDEX auth_nonce_expires_at ON auth_nonce (expires_at);

-- Sessions: the cookie / bearer token is never stored, only its SHA-256.
CREATE TABLE auth_session (
    session_id   UUID         PRIMARY KEY,
    token_hash   BYTEA        NOT NULL UNIQUE,
    address      VARCHAR(42)  NOT NULL,          -- EIP-55 checksummed
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ  NOT NULL,
    revoked_at   TIMESTAMPTZ,
    user_agent   VARCHAR(512)
);
CREATE INDEX auth_session_address ON auth_session (lower(address));
CREATE INDEX auth_session_expires_at ON auth_session (expires_at);
