-- When a live call was answered: a device that takes the call back after a reconnect is told so again.
ALTER TABLE live_call ADD COLUMN accepted_at TIMESTAMPTZ;
