-- The article the bot last answered with, so "helped" and "not helped" can be credited to it.
ALTER TABLE conversation ADD COLUMN last_answer_id VARCHAR(100);
