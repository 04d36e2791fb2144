-- The timeline and the inbox are built by one tracking processor, "conversation-read-models", instead of
-- "conversation-timeline" and "conversation-inbox" (one read of every event for both). The new processor
-- starts where the one further behind stopped: the events between the two are applied again, which changes
-- nothing (every projection write is idempotent). A missing token (null) sorts first: start from the beginning.
INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp, owner)
SELECT DISTINCT ON (segment) 'conversation-read-models', segment, token, token_type, time_stamp, NULL
  FROM token_entry
 WHERE processor_name IN ('conversation-timeline', 'conversation-inbox')
 ORDER BY segment, (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint NULLS FIRST;

DELETE FROM token_entry WHERE processor_name IN ('conversation-timeline', 'conversation-inbox');
