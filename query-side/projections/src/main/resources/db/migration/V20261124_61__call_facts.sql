-- Read model "call-facts" (CallFactsProjector): one row per call, for call history and analytics.
-- Rebuildable from events: a processor reset empties it and replays.

CREATE TABLE call_fact (
    call_id               VARCHAR(48)  PRIMARY KEY,      -- call:<uuid>
    caller                VARCHAR(42)  NOT NULL,         -- EIP-55
    callee                VARCHAR(42)  NOT NULL,
    caller_key            VARCHAR(42)  NOT NULL,         -- lower case, for lookups
    callee_key            VARCHAR(42)  NOT NULL,
    media                 VARCHAR(16)  NOT NULL,         -- audio | video
    invited_at            TIMESTAMPTZ  NOT NULL,
    ringing_devices       INTEGER      NOT NULL DEFAULT 0,
    accepted_at           TIMESTAMPTZ,
    connected_at          TIMESTAMPTZ,
    ended_at              TIMESTAMPTZ,
    outcome               VARCHAR(16),                   -- connected | unanswered | failed (null while live)
    end_reason            VARCHAR(40),                   -- EndReason wire name
    ended_by              VARCHAR(42),                   -- a participant, or "server"
    ringing_ms            BIGINT,                        -- invite → answer (or → end when unanswered)
    setup_ms              BIGINT,                        -- answer → media connected (server time)
    connected_ms          BIGINT,                        -- media connected → end (or → connection lost)
    time_to_connect_ms    BIGINT,                        -- as the first reporting client measured it
    local_candidate_type  VARCHAR(8),                    -- host | srflx | prflx | relay
    remote_candidate_type VARCHAR(8),
    transport             VARCHAR(8),                    -- udp | tcp | tls
    relayed               BOOLEAN      NOT NULL DEFAULT false,  -- a TURN relay carried media in any reported pair
    quality_samples       BIGINT       NOT NULL DEFAULT 0,
    mos_min               DOUBLE PRECISION,
    mos_avg               DOUBLE PRECISION,
    rtt_avg_ms            DOUBLE PRECISION,
    jitter_avg_ms         DOUBLE PRECISION,
    loss_avg_percent      DOUBLE PRECISION,
    loss_max_percent      DOUBLE PRECISION,
    bitrate_avg_kbps      DOUBLE PRECISION,
    poor_samples          BIGINT       NOT NULL DEFAULT 0,
    ice_failed_gathered   VARCHAR(40),                   -- candidate types the failing device had gathered, comma-separated
    push_sent             BOOLEAN                        -- for peer-offline: whether a Web Push went out
);

CREATE INDEX call_fact_by_caller ON call_fact (caller_key, invited_at DESC, call_id DESC);
CREATE INDEX call_fact_by_callee ON call_fact (callee_key, invited_at DESC, call_id DESC);
CREATE INDEX call_fact_by_end ON call_fact (ended_at) WHERE ended_at IS NOT NULL;
