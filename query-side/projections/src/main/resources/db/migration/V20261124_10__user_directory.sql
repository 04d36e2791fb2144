-- Read model "user-directory" (UserDirectoryProjector): who has signed in, and their roles.
-- Rebuildable from events: a processor reset empties both tables and replays.

CREATE TABLE user_account (
    user_id       VARCHAR(64)  PRIMARY KEY,          -- aggregate id: user:<lower-case address>
    address       VARCHAR(42)  NOT NULL UNIQUE,      -- EIP-55 checksummed
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE user_role (
    user_id    VARCHAR(64)  NOT NULL REFERENCES user_account (user_id) ON DELETE CASCADE,
    role       VARCHAR(32)  NOT NULL,                -- Role enum name: USER, CREATOR, ADMIN, ANALYST
    granted_by VARCHAR(64)  NOT NULL,                -- an admin's address, "configuration" or "registration"
    granted_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, role)
);
