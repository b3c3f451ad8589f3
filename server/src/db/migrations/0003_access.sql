-- Capability links: random tokens, stored only as SHA-256 hashes, revocable.
CREATE TABLE session_tokens (
  token_hash text PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('observer', 'note-taker', 'editor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE INDEX session_tokens_session_idx ON session_tokens (session_id, role);

-- Published sessions may be read without a token.
ALTER TABLE sessions ADD COLUMN public boolean NOT NULL DEFAULT false;
ALTER TABLE sessions ADD COLUMN status_changed_at timestamptz;
ALTER TABLE sessions ADD COLUMN status_changed_by text;
