-- Two read models of conversations, each rebuildable from events (a processor reset truncates its tables
-- and replays). Positions are aggregate sequence numbers of the Conversation (ConversationStarted = 0).
-- No foreign keys: each read model is written by one processor in event order, and a key check per
-- message would cost a lookup on the hot path for nothing.

-- "conversation-timeline" (ConversationTimelineProjector): every message as it stands now.
CREATE TABLE timeline_conversation (
    conversation_id VARCHAR(64) PRIMARY KEY,       -- conversation:<uuid>
    members         TEXT[]      NOT NULL,          -- lower-case addresses: who may read
    last_position   BIGINT      NOT NULL           -- latest event of any kind: the cursor a sync answers with
);

CREATE TABLE timeline_message (
    conversation_id   VARCHAR(64) NOT NULL,
    seq               BIGINT      NOT NULL,        -- gap-free from 1; deleted messages stay as tombstones
    position          BIGINT      NOT NULL,        -- of the MessageSent
    last_position     BIGINT      NOT NULL,        -- of the latest MessageSent/MessageEdited/MessageDeleted
    client_message_id VARCHAR(64) NOT NULL,
    sender            VARCHAR(42) NOT NULL,        -- EIP-55
    body              TEXT,                        -- null once deleted
    attachments       JSONB       NOT NULL,        -- [AttachmentRef…] as in the event; [] once deleted
    sent_at           TIMESTAMPTZ NOT NULL,
    edited_at         TIMESTAMPTZ,
    deleted_at        TIMESTAMPTZ,
    PRIMARY KEY (conversation_id, seq)
);

-- the WebSocket sync: what changed in a conversation after a position
CREATE INDEX timeline_message_changes ON timeline_message (conversation_id, last_position);

-- attachment downloads: which live messages refer to an attachment id. Partial: most messages have none,
-- and a deleted message has none left.
CREATE INDEX timeline_message_attachments ON timeline_message USING gin (attachments jsonb_path_ops)
    WHERE attachments <> '[]'::jsonb;

-- "conversation-inbox" (ConversationInboxProjector): conversations per member, the last message, receipts,
-- unread counts.
CREATE TABLE inbox_conversation (
    conversation_id      VARCHAR(64)  PRIMARY KEY,
    kind                 VARCHAR(16)  NOT NULL,    -- direct
    started_by           VARCHAR(42)  NOT NULL,
    started_at           TIMESTAMPTZ  NOT NULL,
    last_position        BIGINT       NOT NULL,    -- latest event of any kind
    last_seq             BIGINT       NOT NULL DEFAULT 0,
    last_sender          VARCHAR(42),
    last_preview         VARCHAR(140),             -- the last message's body, cut; null once deleted
    last_sent_at         TIMESTAMPTZ,
    last_has_attachments BOOLEAN      NOT NULL DEFAULT false,
    last_deleted         BOOLEAN      NOT NULL DEFAULT false,
    activity_at          TIMESTAMPTZ  NOT NULL     -- the last message's time, else the start: inbox order
);

CREATE TABLE inbox_member (
    conversation_id    VARCHAR(64) NOT NULL,
    member             VARCHAR(42) NOT NULL,       -- lower-case address: the lookup key
    address            VARCHAR(42) NOT NULL,       -- EIP-55, as shown
    ord                SMALLINT    NOT NULL,       -- order in ConversationStarted.members (initiator first)
    delivered_seq      BIGINT      NOT NULL DEFAULT 0,
    delivered_position BIGINT      NOT NULL DEFAULT 0,
    read_seq           BIGINT      NOT NULL DEFAULT 0,
    read_position      BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, member)
);

CREATE INDEX inbox_member_by_member ON inbox_member (member);

-- The messages from others a member has not read yet and that are not deleted: the unread count is their
-- number. Only these are kept (a read receipt or a deletion removes rows), so the table stays small.
CREATE TABLE inbox_unread (
    conversation_id VARCHAR(64) NOT NULL,
    member          VARCHAR(42) NOT NULL,          -- lower-case
    seq             BIGINT      NOT NULL,
    PRIMARY KEY (conversation_id, member, seq)
);
