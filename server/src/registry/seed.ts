/**
 * Seed the built-in directory (shared/src/registry/entries) into `speakers`. Idempotent and cheap
 * on every start: the data's digest is stored, and the work happens only when it changed, in one
 * transaction under an advisory lock (several processes may start at once). New entries are
 * inserted; changed built-in entries are updated unless an editor has corrected them since;
 * entries added by sessions are never touched.
 */
import { createHash } from 'node:crypto';
import { SEED_ENTRIES, type SeedEntry } from '@rapporteur/shared/registry';
import type { Database } from '../db/database.ts';
import { identityKey } from './identity.ts';

// Any constant shared by every process: serialises concurrent seeding against one server.
const SEED_LOCK = 727_274_005;

/** The digest that identifies a version of the built-in data. */
export function seedDigest(entries: readonly SeedEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** What one seeding did; null when the table was already up to date. */
export interface SeedResult {
  inserted: number;
  updated: number;
}

const RECORDSET = `json_to_recordset($1::text::json) AS x(id uuid, seed_key text, name text, kind text, aliases text[], identity_key text)`;

/** Bring the built-in entries of the registry up to date with `entries`. */
export async function seedRegistry(
  db: Database,
  entries: readonly SeedEntry[] = SEED_ENTRIES,
): Promise<SeedResult | null> {
  const digest = seedDigest(entries);
  const current = async (q: Pick<Database, 'query'>) =>
    (await q.query<{ digest: string }>('SELECT digest FROM registry_seed WHERE id = 1'))[0]?.digest;
  if ((await current(db)) === digest) return null;

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if ((await current(tx)) === digest) return null; // another process seeded meanwhile
    const payload = JSON.stringify(
      entries.map((e) => ({
        id: globalThis.crypto.randomUUID(),
        seed_key: e.key,
        name: e.name,
        kind: e.kind,
        aliases: e.aliases,
        identity_key: identityKey(e.name),
      })),
    );
    // no conflict target: an entry whose key or identity already exists is left as it is
    const inserted = await tx.query(
      `INSERT INTO speakers (id, seed_key, name, kind, aliases, identity_key, source)
       SELECT x.id, x.seed_key, x.name, x.kind, x.aliases, x.identity_key, 'seed' FROM ${RECORDSET}
       ON CONFLICT DO NOTHING RETURNING 1`,
      [payload],
    );
    const updated = await tx.query(
      `UPDATE speakers s SET name = x.name, kind = x.kind, aliases = x.aliases, identity_key = x.identity_key, updated_at = now()
       FROM ${RECORDSET}
       WHERE s.seed_key = x.seed_key AND s.edited_at IS NULL
         AND (s.name, s.kind, s.aliases, s.identity_key) IS DISTINCT FROM (x.name, x.kind, x.aliases, x.identity_key)
         AND NOT EXISTS (SELECT 1 FROM speakers o WHERE o.identity_key = x.identity_key AND o.id <> s.id)
       RETURNING 1`,
      [payload],
    );
    await tx.query(
      `INSERT INTO registry_seed (id, digest) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET digest = excluded.digest, seeded_at = now()`,
      [digest],
    );
    return { inserted: inserted.length, updated: updated.length };
  });
}
