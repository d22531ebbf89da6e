-- Every article given for the current question, not just the last, so "not helped" never offers one twice.
ALTER TABLE conversation RENAME COLUMN last_answer_id TO answers_given;
ALTER TABLE conversation ALTER COLUMN answers_given SET DATA TYPE VARCHAR(1100);
