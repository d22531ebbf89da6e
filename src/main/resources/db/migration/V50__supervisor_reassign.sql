-- Supervisors reassign chats. A reassignment is logged as the transfer it is (kind TRANSFERRED, so reports count it
-- with the agents' own transfers); who ordered it, when that was not the agent who held the chat, is kept apart.
-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

-- The supervisor (or admin) whose reassignment this was; NULL when the agent named did it themselves.
ALTER TABLE handoff_log ADD COLUMN actor VARCHAR(64);

-- Who asked the holder's chat to be released, set with "releasing" and cleared with it: a supervisor who reassigns.
ALTER TABLE handoff_chat ADD COLUMN released_by VARCHAR(64);
