-- When the conversation joined the queue: its place in line.
ALTER TABLE conversation ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX conversation_queue ON conversation (state, queued_at);
UPDATE conversation SET queued_at = updated_at WHERE state = 'QUEUED';
-- A customer's latest conversation, for channels that resume one (the web widget).
CREATE INDEX conversation_customer ON conversation (channel, recipient, created_at);
-- The conversation's state after the reply was written, so a channel can show it (closed, queued, ...).
ALTER TABLE outbox ADD COLUMN state VARCHAR(32);
-- The dispatcher's "no earlier reply of this conversation is still waiting" check.
CREATE INDEX outbox_conversation ON outbox (conversation_id, id);
-- History joins each line to its outbox row.
CREATE UNIQUE INDEX outbox_message ON outbox (message_id);
-- Who holds a delivery attempt: a dispatcher's claims are told apart from another's by this token, not by time.
ALTER TABLE outbox ADD COLUMN claim UUID;
