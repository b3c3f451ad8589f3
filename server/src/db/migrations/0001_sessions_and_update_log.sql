-- Sessions: one meeting record each.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'review', 'final')),
  starts_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sessions_created_idx ON sessions (created_at DESC);

-- The Yjs update log: the source of truth for every document. Rows are appended by group
-- commit and periodically merged into one (compaction); loading merges all rows of a session.
CREATE TABLE doc_updates (
  id bigserial PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  update bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX doc_updates_session_idx ON doc_updates (session_id, id);
