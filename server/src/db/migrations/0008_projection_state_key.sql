-- Which document state a session's projection rows were taken from, exactly (projection/version.ts,
-- docState). The version alone orders states, but two states nobody merged yet may share it; with
-- the key, a process that loads a session can tell that the rows stored are those of the very state
-- it holds, and write only what changes next instead of every row again (issue 17: at 1,000 blocks
-- a full write held the embedded database, and so the server's one thread, for ~300 ms).
-- Rows projected before this column existed have no key: their next write is a full one, as before.
ALTER TABLE projection_state ADD COLUMN state_key text;
