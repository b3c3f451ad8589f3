-- Who set a speaker block's review status, and when (the block's statusBy / statusAt attributes),
-- projected beside the status, so the minutes as data say who checked or finalised each statement.
ALTER TABLE speaker_blocks ADD COLUMN status_by text NOT NULL DEFAULT '';
ALTER TABLE speaker_blocks ADD COLUMN status_at text NOT NULL DEFAULT '';

-- Rows projected before these columns existed hold '' there. Marking every session as never
-- projected (-1, what the projection store writes before a session's first projection) makes the
-- projection sweeper re-project each stored session from its update log shortly after start, and
-- lets any room's next projection write in full.
UPDATE projection_state SET version = -1;
