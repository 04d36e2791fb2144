-- Uploaded attachments (operational metadata, not events; the bytes are in the attachment store under storage_key).
-- A row is written only after its bytes are stored, so every row has its file; a file without a row (a crash
-- between the two) is unreachable.
CREATE TABLE attachment (
    attachment_id VARCHAR(32)   PRIMARY KEY,               -- att_ + 22 base64url characters
    uploader      VARCHAR(42)   NOT NULL,                  -- EIP-55 checksummed
    name          VARCHAR(255)  NOT NULL,                  -- as uploaded; shown to people, never used as a path
    content_type  VARCHAR(255)  NOT NULL,
    size          BIGINT        NOT NULL CHECK (size > 0),
    sha256        CHAR(64)      NOT NULL,                  -- lower-case hex
    storage_key   VARCHAR(255)  NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
