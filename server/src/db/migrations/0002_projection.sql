-- Relational projection of each session document (issue 3). Derived data: it can always be
-- rebuilt from doc_updates, so it is written by the projector only and never read back into a doc.

-- Agenda items in document order; blocks refer to them by item_id.
CREATE TABLE agenda_items (
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  PRIMARY KEY (session_id, item_id)
);

-- One row per speaker block. started_at is the attribute exactly as the document holds it (any
-- string); started_ts is the same value when it parses as an ISO date-time (else NULL), for date
-- filters. The search vector is generated so it can never disagree with the row: speaker names
-- weigh more than the statement. Only the first 100,000 characters of text (10,000 of the names)
-- are indexed because a tsvector may not exceed 1 MB, and one oversized block must not make the
-- whole projection of its session fail.
CREATE TABLE speaker_blocks (
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  block_id text NOT NULL,
  position integer NOT NULL,
  agenda_item_id text,
  speaker text NOT NULL,
  affiliation text NOT NULL,
  on_behalf_of text NOT NULL,
  kind text NOT NULL,
  started_at text NOT NULL,
  started_ts timestamptz,
  status text NOT NULL,
  text text NOT NULL,
  word_count integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', left(speaker || ' ' || affiliation || ' ' || on_behalf_of, 10000)), 'A')
    || setweight(to_tsvector('english', left(text, 100000)), 'B')
  ) STORED,
  PRIMARY KEY (session_id, block_id)
);

CREATE INDEX speaker_blocks_search_idx ON speaker_blocks USING GIN (search);
CREATE INDEX speaker_blocks_order_idx ON speaker_blocks (session_id, position);

-- The guard: the version of the document state each session's rows were projected from. A
-- projection commits only if its version is greater (see server/src/projection/version.ts for
-- why the version orders states of one session correctly across processes).
CREATE TABLE projection_state (
  session_id uuid PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  version bigint NOT NULL,
  projected_at timestamptz NOT NULL DEFAULT now()
);
