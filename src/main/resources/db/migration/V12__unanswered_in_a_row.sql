-- Questions in a row the bot had no answer to: after enough of them, a person is offered outright.
ALTER TABLE conversation ADD COLUMN unanswered_in_a_row INT DEFAULT 0 NOT NULL;
