-- Web Push subscriptions: one row per browser (device) that allowed notifications (docs/adr/0003: operational,
-- per-device and secret-bearing, like sessions, so a table and not events). The endpoint is a capability URL at the
-- browser vendor's push service; p256dh and auth are the keys every push to it is encrypted with (RFC 8291) and are
-- never returned by the API.
CREATE TABLE push_subscription (
    endpoint         VARCHAR(1024) PRIMARY KEY,
    address          VARCHAR(42)   NOT NULL,                                      -- EIP-55 checksummed
    p256dh           BYTEA         NOT NULL CHECK (octet_length(p256dh) = 65),    -- uncompressed P-256 point
    auth             BYTEA         NOT NULL CHECK (octet_length(auth) = 16),      -- the shared authentication secret
    expires_at       TIMESTAMPTZ,                                                 -- the browser's expirationTime, if any
    user_agent       VARCHAR(512),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_success_at  TIMESTAMPTZ,
    last_failure_at  TIMESTAMPTZ,
    failures         INT           NOT NULL DEFAULT 0                             -- consecutive pushes given up on
);
CREATE INDEX push_subscription_address ON push_subscription (lower(address));
