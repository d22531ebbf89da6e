-- A delivery's status in a column of its own (PENDING, SENDING, SENT) instead of inferred from sent_at and claim.
ALTER TABLE outbox ADD COLUMN status VARCHAR(16) DEFAULT 'PENDING' NOT NULL;
UPDATE outbox SET status = 'SENT' WHERE sent_at IS NOT NULL;
UPDATE outbox SET status = 'SENDING' WHERE sent_at IS NULL AND claim IS NOT NULL;
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
