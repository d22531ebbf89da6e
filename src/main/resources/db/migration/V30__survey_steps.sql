-- How far a conversation's survey got, so that each nudge happens once: the rating question repeated after stray
-- text (the next text is the comment), and the one reminder of an unanswered rating question.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE conversation ADD COLUMN rating_reprompted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversation ADD COLUMN rating_reminded BOOLEAN NOT NULL DEFAULT FALSE;
