-- Attachment access checks probe the GIN index on timeline_message.attachments. With the pending-list
-- (fastupdate) on, a burst of writes leaves entries unmerged and a lookup slows to milliseconds; off, each
-- insert updates the index directly, which is cheap for the few messages that carry attachments.
ALTER INDEX timeline_message_attachments SET (fastupdate = off);
