-- Index "live-calls" (LiveCallsIndex): the calls that have not ended, for the gateway's routing, busy and glare
-- decisions. Written by a subscribing processor inside the transaction that appends the call's events, so a
-- committed invite is visible to the next check on any instance. A row goes when its call ends.

CREATE TABLE live_call (
    call_id       VARCHAR(48)  PRIMARY KEY,          -- call:<uuid v7>
    caller        VARCHAR(42)  NOT NULL,             -- EIP-55
    callee        VARCHAR(42)  NOT NULL,
    caller_key    VARCHAR(42)  NOT NULL,             -- lower case, for lookups
    callee_key    VARCHAR(42)  NOT NULL,
    media         VARCHAR(16)  NOT NULL,             -- audio | video
    state         VARCHAR(16)  NOT NULL,             -- invited | ringing | accepted | connected
    caller_device VARCHAR(128),
    callee_device VARCHAR(128),                      -- the device that accepted
    invited_at    TIMESTAMPTZ  NOT NULL,
    rings_until   TIMESTAMPTZ  NOT NULL              -- when an unanswered call ends with no answer
);

CREATE INDEX live_call_by_caller ON live_call (caller_key);
CREATE INDEX live_call_by_callee ON live_call (callee_key);
