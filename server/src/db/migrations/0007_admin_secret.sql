-- The instance's admin secret (issue 13, item 9): created on the first start and printed once as
-- the admin URL; stored only as a SHA-256 hash. One row: the CHECK keeps it that way.
CREATE TABLE admin_secret (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
