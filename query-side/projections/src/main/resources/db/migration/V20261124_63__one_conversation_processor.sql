-- The timeline and the inbox are built by one tracking processor, "conversation-read-models", with two
-- segments, instead of "conversation-timeline" and "conversation-inbox" (one read of every event for both).
-- Both segments start where the old processor further behind stopped: the events between the two are applied
-- again, which changes nothing (every projection write is idempotent). A missing token (null) sorts first:
-- start from the beginning.
INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp, owner)
SELECT 'conversation-read-models', segment.id, slowest.token, slowest.token_type, slowest.time_stamp, NULL
  FROM (SELECT token, token_type, time_stamp
          FROM token_entry
         WHERE processor_name IN ('conversation-timeline', 'conversation-inbox')
         ORDER BY (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint NULLS FIRST
         LIMIT 1) AS slowest
 CROSS JOIN (VALUES (0), (1)) AS segment(id);

DELETE FROM token_entry WHERE processor_name IN ('conversation-timeline', 'conversation-inbox');
