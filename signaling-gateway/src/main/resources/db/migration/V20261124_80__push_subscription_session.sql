-- A push subscription belongs to the session that stored or last renewed it: pushes go to it only while that session
-- is signed in (not expired, not signed out or revoked), so a browser nobody is signed in on any more shows no
-- message previews or calls. The client renews its subscription under each new session. When the session row is
-- purged, the subscription goes with it. Rows from before this column (NULL) are pushed as before until renewed.
ALTER TABLE push_subscription ADD COLUMN session_id UUID REFERENCES auth_session (session_id) ON DELETE CASCADE;
CREATE INDEX push_subscription_session ON push_subscription (session_id);
