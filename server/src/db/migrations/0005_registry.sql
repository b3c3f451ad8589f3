-- Speaker registry (issue 5): who can take the floor. Built-in entries (States, UN entities,
-- intergovernmental organisations, groups) are seeded from shared/src/registry/entries on first use
-- and keyed by seed_key; sessions add civil-society organisations and named people.
CREATE TABLE speakers (
  id uuid PRIMARY KEY,
  -- stable key of a built-in entry ("state:RUS"); NULL for entries added by sessions
  seed_key text UNIQUE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('member-state', 'observer-state', 'un-entity', 'intergovernmental', 'group',
    'civil-society', 'person', 'chair', 'other')),
  aliases text[] NOT NULL DEFAULT '{}',
  affiliation text NOT NULL DEFAULT '' CHECK (length(affiliation) <= 200),
  -- "unique-ish": the normal form of name + affiliation (shared normaliseName) is unique, so
  -- "Côte d'Ivoire" and "cote d'ivoire" are one entry while two people of one name may differ
  -- by organisation
  identity_key text NOT NULL UNIQUE,
  source text NOT NULL CHECK (source IN ('seed', 'session')),
  -- the session that added it (kept when the session is deleted, the entry stays useful)
  session_id uuid REFERENCES sessions (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- set when an editor changes an entry, so a later seed never overwrites the correction
  edited_at timestamptz
);

CREATE INDEX speakers_kind_idx ON speakers (kind);

-- Which version of the built-in data is in the table (a digest of it): start-up seeds only when
-- the data changed, in one transaction under an advisory lock, so it is idempotent and safe
-- when several server processes start at once.
CREATE TABLE registry_seed (
  id integer PRIMARY KEY CHECK (id = 1),
  digest text NOT NULL,
  seeded_at timestamptz NOT NULL DEFAULT now()
);
