-- Versions of a session document (issue 4): named ones saved by editors, automatic ones taken
-- when a session goes quiet. Each holds the whole document state (Y.encodeStateAsUpdate), so a
-- version can be viewed, compared and restored without the update log; restoring writes a new
-- change on top of the log and never rewrites it.
CREATE TABLE session_versions (
  id uuid PRIMARY KEY,
  -- insertion order, for a stable newest-first listing when two versions share a timestamp
  seq bigserial NOT NULL,
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  name text NOT NULL,
  author text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('named', 'auto')),
  created_at timestamptz NOT NULL DEFAULT now(),
  state bytea NOT NULL,
  -- sha-256 of the record's XML form: an automatic version is skipped when nothing changed
  content_hash text NOT NULL,
  block_count integer NOT NULL,
  word_count integer NOT NULL
);

CREATE INDEX session_versions_session_idx ON session_versions (session_id, seq DESC);
