import type { CreateRegistryEntryRequest, PatchRegistryEntryRequest, RegistryEntry } from '@rapporteur/shared/api';
import { createMatcher, type RegistryKind } from '@rapporteur/shared/registry';
import type { Database, Queryable } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { identityKey } from './identity.ts';
import { seedRegistry } from './seed.ts';

interface Row {
  id: string;
  name: string;
  kind: RegistryKind;
  aliases: string[] | null;
  affiliation: string;
  source: 'seed' | 'session';
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
// aliases through to_json: both drivers hand back JSON as parsed arrays, whatever their text[] handling
const COLUMNS = 'id, name, kind, to_json(aliases) AS aliases, affiliation, source, created_at, updated_at';

function toEntry(r: Row): RegistryEntry {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    aliases: r.aliases ?? [],
    affiliation: r.affiliation,
    source: r.source,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** A registry entry ranked for a query. */
export type RankedEntry = RegistryEntry & { matched?: string; score?: number };

/** Thrown when a change would give an entry the identity of another. */
export class RegistryConflict extends Error {
  constructor(readonly existing: RegistryEntry) {
    super(`"${existing.name}" is already in the registry`);
  }
}

/**
 * The `speakers` table: the built-in directory (seeded on first use in each process) and what
 * sessions added. Ranking happens here with the shared matcher, so the server answers exactly
 * as a client ranking the same entries locally would.
 */
export class RegistryStore {
  private seeding: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger?: Logger,
  ) {}

  /** Seed once per process (retried on the next call if it failed). */
  ready(): Promise<void> {
    this.seeding ??= seedRegistry(this.db).then(
      (result) => {
        if (result) this.logger?.info('speaker registry seeded', { ...result });
      },
      (err: unknown) => {
        this.seeding = null;
        throw err;
      },
    );
    return this.seeding;
  }

  /** Every entry of the given kinds (all kinds when none), alphabetical. */
  async all(kinds?: readonly RegistryKind[]): Promise<RegistryEntry[]> {
    await this.ready();
    const rows = kinds?.length
      ? await this.db.query<Row>(
          `SELECT ${COLUMNS} FROM speakers WHERE kind IN (SELECT json_array_elements_text($1::text::json)) ORDER BY name`,
          [JSON.stringify(kinds)],
        )
      : await this.db.query<Row>(`SELECT ${COLUMNS} FROM speakers ORDER BY name`);
    return rows.map(toEntry);
  }

  /**
   * Entries for an autocomplete query (best first, `total` = how many are returned), or a page of
   * the alphabetical listing without one (`total` = entries of those kinds, to page with `offset`).
   */
  async search(query: {
    q?: string;
    kind?: readonly RegistryKind[];
    limit: number;
    offset?: number;
  }): Promise<{ entries: RankedEntry[]; total: number }> {
    const all = await this.all(query.kind);
    if (!query.q) {
      const offset = query.offset ?? 0;
      return { entries: all.slice(offset, offset + query.limit), total: all.length };
    }
    const entries = createMatcher(all)(query.q, { limit: query.limit }).map((r) => ({
      ...r.entry,
      matched: r.matched,
      score: r.score,
    }));
    return { entries, total: entries.length };
  }

  /** One entry, or null. */
  async get(id: string): Promise<RegistryEntry | null> {
    await this.ready();
    return this.fetch(id, this.db);
  }

  private async fetch(id: string, q: Queryable): Promise<RegistryEntry | null> {
    const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM speakers WHERE id = $1`, [id]);
    return row ? toEntry(row) : null;
  }

  /**
   * Add an entry on behalf of a session. When the same name (and affiliation) is already known,
   * nothing is added and the existing entry is returned with `created: false`: two note-takers
   * adding the same organisation at once both end up with the one entry.
   */
  async create(input: CreateRegistryEntryRequest): Promise<{ entry: RegistryEntry; created: boolean }> {
    await this.ready();
    const key = identityKey(input.name, input.affiliation);
    const [row] = await this.db.query<Row>(
      `INSERT INTO speakers (id, name, kind, aliases, affiliation, identity_key, source, session_id)
       VALUES ($1, $2, $3, ARRAY(SELECT json_array_elements_text($4::text::json)), $5, $6, 'session', $7)
       ON CONFLICT (identity_key) DO NOTHING RETURNING ${COLUMNS}`,
      [
        crypto.randomUUID(),
        input.name,
        input.kind,
        JSON.stringify(input.aliases),
        input.affiliation,
        key,
        input.sessionId,
      ],
    );
    if (row) return { entry: toEntry(row), created: true };
    const [existing] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM speakers WHERE identity_key = $1`, [key]);
    return { entry: toEntry(existing!), created: false };
  }

  /** Change an entry (an editor's correction); null when the id is unknown. */
  async patch(id: string, patch: PatchRegistryEntryRequest): Promise<RegistryEntry | null> {
    await this.ready();
    return this.db.transaction(async (tx) => {
      const current = await this.fetch(id, tx);
      if (!current) return null;
      const name = patch.name ?? current.name;
      const affiliation = patch.affiliation ?? current.affiliation;
      const key = identityKey(name, affiliation);
      const [clash] = await tx.query<Row>(`SELECT ${COLUMNS} FROM speakers WHERE identity_key = $1 AND id <> $2`, [
        key,
        id,
      ]);
      if (clash) throw new RegistryConflict(toEntry(clash));
      const [row] = await tx.query<Row>(
        `UPDATE speakers SET name = $2, kind = $3, aliases = ARRAY(SELECT json_array_elements_text($4::text::json)),
           affiliation = $5, identity_key = $6, updated_at = now(), edited_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, name, patch.kind ?? current.kind, JSON.stringify(patch.aliases ?? current.aliases), affiliation, key],
      );
      return row ? toEntry(row) : null;
    });
  }
}
